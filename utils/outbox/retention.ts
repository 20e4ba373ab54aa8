import type { Database } from '../db';
import { readOutbox } from './store';

/**
 * How long delivered and refused items stay in the browser. A sent item is kept only while a page may still
 * show its "sent" status; the backend holds the introduction itself (and its erasure). A refused item stays
 * long enough for the user to read why in the popup. Queued items are never dropped: that would lose work.
 */
export const SENT_RETENTION_MS = 24 * 60 * 60 * 1000;
export const FAILED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Deletes sent items older than a day and refused ones older than 30 days; returns how many went. */
export async function pruneOutbox(db: Database, now: number): Promise<number> {
  const expired = (await readOutbox(db, ['sent', 'failed'])).filter((record) =>
    record.state === 'sent'
      ? now - (record.sentAt ?? record.createdAt) > SENT_RETENTION_MS
      : now - record.createdAt > FAILED_RETENTION_MS,
  );
  if (expired.length === 0) return 0;
  const tx = db.transaction('outbox', 'readwrite');
  await Promise.all([...expired.map((record) => tx.store.delete(record.id)), tx.done]);
  return expired.length;
}
