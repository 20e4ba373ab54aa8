import { Meeting } from '../api';
import type { Database } from '../db';
import type { PendingMatchingItem } from '../messaging/protocol';
import { readOutbox, statusOf } from '../outbox';

/**
 * Keeps a meeting the backend answered with (after the user's own step) without waiting for the next sync;
 * an older copy never replaces a newer one (a sync may have brought a later step meanwhile).
 */
export async function storeMeeting(db: Database, meeting: Meeting): Promise<void> {
  const tx = db.transaction('meetings', 'readwrite');
  const current = Meeting.safeParse(await tx.store.get(meeting.id));
  const newer =
    !current.success ||
    meeting.updatedAt > current.data.updatedAt ||
    (meeting.updatedAt === current.data.updatedAt && meeting.history.length >= current.data.history.length);
  if (newer) await tx.store.put(meeting);
  await tx.done;
}

/** Synced meetings (with one alumnus, or all), most recently changed first, parsed on read. */
export async function readMeetings(db: Database, alumnusId?: string): Promise<Meeting[]> {
  const rows = alumnusId === undefined ? await db.getAll('meetings') : await db.getAllFromIndex('meetings', 'by-alumnus', alumnusId);
  return rows
    .flatMap((row) => {
      const parsed = Meeting.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** What of the outbox concerns matching (not yet delivered, or refused), with what it is about. */
export async function pendingMatching(db: Database): Promise<PendingMatchingItem[]> {
  const records = await readOutbox(db, ['queued', 'sending', 'failed']);
  return records.flatMap((record): PendingMatchingItem[] => {
    const item = statusOf(record);
    switch (record.kind) {
      case 'meeting':
        return [{ item, meetingId: record.body.id, alumnusId: record.body.alumnusId, offerId: record.body.offerId, step: 'request' }];
      case 'meeting-step':
        return [{ item, meetingId: record.body.meetingId, step: record.body.step.type }];
      case 'suggestion':
        return [{ item, alumnusId: record.body.alumnusId, offerId: record.body.offerId, step: 'suggest' }];
      default:
        return [];
    }
  });
}

