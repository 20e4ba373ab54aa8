import type { Alumnus, RecordLines } from '../api';
import { applyDirectoryChangesIn, clearDirectoryIn, type Database, putMetaIn, replaceDirectoryIn, storeOf, type SyncResource } from '../db';
import type { Delta } from './delta';

/** Resources whose changes the recognition index must follow. */
export const INDEXED_RESOURCES: ReadonlySet<SyncResource> = new Set(['directory', 'organizations']);

/**
 * Applies one resource's staged run in a single IndexedDB transaction: records, removals, the new
 * cursor and the data version commit together or not at all. Returns the new data version.
 */
export async function commitDelta(db: Database, delta: Delta<SyncResource>): Promise<number> {
  // A replacement (resync from scratch) drops what it does not list, in the same transaction.
  const changed = delta.changes.size > 0 || delta.replace === true;
  if (delta.resource === 'directory') {
    const tx = db.transaction(['directory', 'meta'], 'readwrite');
    const [version] = await Promise.all([
      nextVersion(tx, changed),
      (async () => {
        if (delta.replace) await clearDirectoryIn(tx);
        await applyDirectoryChangesIn(tx, delta.changes as Map<string, Alumnus | null>);
      })(),
      putMetaIn(tx, 'cursor:directory', delta.cursor),
    ]);
    await tx.done;
    return version;
  }
  const storeName = storeOf[delta.resource];
  const tx = db.transaction([storeName, 'meta'], 'readwrite');
  const store = tx.objectStore(storeName);
  const writes: Promise<unknown>[] = [];
  if (delta.replace) writes.push(store.clear());
  for (const [id, record] of delta.changes) {
    writes.push(record === null ? store.delete(id) : store.put(record as never));
  }
  writes.push(putMetaIn(tx, `cursor:${delta.resource}`, delta.cursor));
  const [version] = await Promise.all([nextVersion(tx, INDEXED_RESOURCES.has(delta.resource) && changed), ...writes]);
  await tx.done;
  return version;
}

/**
 * Replaces the whole directory with a snapshot's records and continues from its cursor; one transaction.
 * `showcased` names the records that carry a published showcase.
 */
export async function commitSnapshot(db: Database, lines: RecordLines, showcased: readonly string[], cursor: string): Promise<number> {
  const tx = db.transaction(['directory', 'meta'], 'readwrite');
  const [version] = await Promise.all([
    nextVersion(tx, true),
    replaceDirectoryIn(tx, lines, showcased),
    putMetaIn(tx, 'cursor:directory', cursor),
  ]);
  await tx.done;
  return version;
}

async function nextVersion(tx: Parameters<typeof putMetaIn>[0], changed: boolean): Promise<number> {
  const previous = await tx.objectStore('meta').get('dataVersion');
  const version = (typeof previous === 'number' ? previous : 0) + (changed ? 1 : 0);
  await putMetaIn(tx, 'dataVersion', version);
  return version;
}

/**
 * Drops every synced record and cursor: used when the configuration now points at another backend,
 * company or role, whose data must not mix with (or leak into) the previous one's.
 */
export async function clearSyncedData(db: Database): Promise<void> {
  const tx = db.transaction(['directory', 'organizations', 'offers', 'meetings', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const previous = await meta.get('dataVersion');
  await Promise.all([
    clearDirectoryIn(tx),
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
