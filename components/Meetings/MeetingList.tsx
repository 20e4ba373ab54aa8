import type { Meeting, MeetingSide } from '../../utils/api';
import type { PendingMatchingItem } from '../../utils/messaging/protocol';
import { MeetingItem } from './MeetingItem';
import { PendingLine } from './PendingLine';

export interface MeetingListProps {
  meetings: Meeting[];
  pending: PendingMatchingItem[];
  side: MeetingSide;
  showCounterpart: boolean;
  onQueued: () => void;
  label: string;
}

/** Meetings, each with its own steps; a request still in the outbox shows as a line of its own. */
export function MeetingList({ meetings, pending, side, showCounterpart, onQueued, label }: MeetingListProps) {
  const known = new Set(meetings.map((meeting) => meeting.id));
  const unsent = pending.filter((p) => p.step === 'request' && p.meetingId && !known.has(p.meetingId) && p.item.state !== 'sent');
  return (
    <ul class="al-meeting-list" aria-label={label}>
      {unsent.map((p) => (
        <li key={p.item.id} class="al-meeting" data-status="unsent">
          <PendingLine pending={p} />
        </li>
      ))}
      {meetings.map((meeting) => (
        <MeetingItem
          key={meeting.id}
          meeting={meeting}
          side={side}
          pending={pending.filter((p) => p.meetingId === meeting.id && p.step !== 'request')}
          showCounterpart={showCounterpart}
          onQueued={onQueued}
        />
      ))}
    </ul>
  );
}

