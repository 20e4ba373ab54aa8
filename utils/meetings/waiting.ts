import type { Meeting, Role } from '../api';
import type { PendingMatchingItem } from '../messaging/protocol';

/**
 * Meetings waiting for this user's answer (the popup's "2 meeting requests" and the toolbar badge): an alumnus
 * answers what staff proposed; a staff member answers what the alumnus proposed in meetings they created, are
 * the offer's contact for, or own the relationship of (an admin's view of everyone's meetings is not their to-do
 * list). A step already in the outbox is an answer.
 */
export function waitingForUser(meetings: Meeting[], role: Role, pending: PendingMatchingItem[]): Meeting[] {
  const answered = new Set(pending.filter((p) => p.item.state !== 'failed' && p.step !== 'request').map((p) => p.meetingId));
  const side = role === 'alumni' ? 'alumnus' : 'staff';
  return meetings.filter(
    (meeting) =>
      meeting.status === 'requested' &&
      meeting.awaiting === side &&
      !answered.has(meeting.id) &&
      (side === 'alumnus' || meeting.yourPart.some((part) => part === 'creator' || part === 'contact' || part === 'owner')),
  );
}
