import { type Database, putMetaIn, storeOf, type SyncResource } from '../db';
import type { Delta } from './delta';

/** Resources whose changes the recognition index must follow. */
export const INDEXED_RESOURCES: ReadonlySet<SyncResource> = new Set(['directory', 'organizations']);

/**
 * Applies one resource's staged run in a single IndexedDB transaction: records, removals, the new
 * cursor and the data version commit together or not at all. Returns the new data version.
 */
export async function commitDelta(db: Database, delta: Delta<SyncResource>): Promise<number> {
  const storeName = storeOf[delta.resource];
  const tx = db.transaction([storeName, 'meta'], 'readwrite');
  const store = tx.objectStore(storeName);
  const writes: Promise<unknown>[] = [];
  // A replacement (resync from scratch) drops what it does not list, in the same transaction.
  if (delta.replace) writes.push(store.clear());
  for (const [id, record] of delta.changes) {
    writes.push(record === null ? store.delete(id) : store.put(record as never));
  }
  writes.push(putMetaIn(tx, `cursor:${delta.resource}`, delta.cursor));
  const meta = tx.objectStore('meta');
  const previous = await meta.get('dataVersion');
  const changed = delta.changes.size > 0 || delta.replace === true;
  const version = (typeof previous === 'number' ? previous : 0) + (INDEXED_RESOURCES.has(delta.resource) && changed ? 1 : 0);
  writes.push(putMetaIn(tx, 'dataVersion', version));
  await Promise.all([...writes, tx.done]);
  return version;
}

/**
 * Drops every synced record and cursor: used when the configuration now points at another backend,
 * company or role, whose data must not mix with (or leak into) the previous one's.
 */
export async function clearSyncedData(db: Database): Promise<void> {
  const tx = db.transaction(['alumni', 'organizations', 'offers', 'meetings', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const previous = await meta.get('dataVersion');
  await Promise.all([
    tx.objectStore('alumni').clear(),
    tx.objectStore('organizations').clear(),
    tx.objectStore('offers').clear(),
    tx.objectStore('meetings').clear(),
    meta.delete('cursor:meetings'),
    meta.delete('profile'),
    meta.delete('cursor:directory'),
    meta.delete('cursor:organizations'),
    meta.delete('cursor:offers'),
    meta.delete('index'),
    meta.delete('seenOffers'),
    meta.delete('me'),
    putMetaIn(tx, 'dataVersion', (typeof previous === 'number' ? previous : 0) + 1),
    tx.done,
  ]);
}
