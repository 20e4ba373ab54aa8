import type { Database } from '../db';
import { readOutbox } from './store';

/**
 * How long delivered items stay in the browser: only while a page may still show their "sent" status; the
 * backend holds the introduction itself (and its erasure). Queued items are never dropped (that would lose
 * work), nor failed ones: they wait for the user's Retry or Discard (outbox.ts, GIVE_UP_AFTER_MS).
 */
export const SENT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Deletes sent items older than a day; returns how many went. */
export async function pruneOutbox(db: Database, now: number): Promise<number> {
  const expired = (await readOutbox(db, ['sent'])).filter((record) => now - (record.sentAt ?? record.createdAt) > SENT_RETENTION_MS);
  if (expired.length === 0) return 0;
  const tx = db.transaction('outbox', 'readwrite');
  await Promise.all([...expired.map((record) => tx.store.delete(record.id)), tx.done]);
  return expired.length;
}
