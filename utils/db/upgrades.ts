import type { IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { AlumniLensDB } from './schema';

type UpgradeStep = (
  db: IDBPDatabase<AlumniLensDB>,
  tx: IDBPTransaction<AlumniLensDB, StoreNames<AlumniLensDB>[], 'versionchange'>,
) => void;

/**
 * One step per schema version: UPGRADES[n - 1] takes a database from version n - 1 to n. Steps are
 * never edited once released; a change to the schema is a new step at the end.
 */
export const UPGRADES: readonly UpgradeStep[] = [
  // 1: the synced directory, organisations and offers, and the worker's bookkeeping.
  (db) => {
    db.createObjectStore('alumni' as never, { keyPath: 'id' });
    db.createObjectStore('organizations', { keyPath: 'id' });
    db.createObjectStore('offers', { keyPath: 'id' });
    db.createObjectStore('meta');
  },
  // 2: the durable outbox (introductions, interests) and diagnostics counters.
  (db) => {
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('by-state', 'state');
    db.createObjectStore('diagnostics', { keyPath: 'key' });
  },
  // 3: business matching: synced meetings (by alumnus, for a card's history), and an index of the alumni
  // with a published showcase (records without one are left out of it), for matching offers to alumni.
  (db, tx) => {
    const meetings = db.createObjectStore('meetings', { keyPath: 'id' });
    meetings.createIndex('by-alumnus', 'alumnusId');
    // The `alumni` store is gone from the schema since version 4 (its records moved to `directory`).
    (tx.objectStore('alumni' as never) as unknown as IDBPObjectStore<unknown, [], string, 'versionchange'>).createIndex('by-showcase', 'showcase.updatedAt');
  },
  // 4: the directory in chunks of JSON lines, and a map (meta `directoryMap`) of which chunk holds each alumnus and
  // who has a published showcase (issue 11: a first sync of 100,000 alumni is a few hundred puts). The records of
  // the `alumni` store move over as they are, 256 to a chunk; the store goes.
  (db, tx) => {
    const directory = db.createObjectStore('directory', { keyPath: 'n' });
    if (!db.objectStoreNames.contains('alumni' as never)) return;
    const old = tx.objectStore('alumni' as never) as unknown as IDBPObjectStore;
    void old.getAll().then((values) => {
      const encoder = new TextEncoder();
      const records = (values as Array<{ id?: unknown; showcase?: unknown } | null>).filter(
        (record): record is { id: string; showcase?: unknown } => typeof record?.id === 'string',
      );
      const chunkOf = new Uint32Array(records.length);
      for (let start = 0, n = 0; start < records.length; start += 256, n++) {
        const slice = records.slice(start, start + 256);
        const lines = slice.map((record) => encoder.encode(`${JSON.stringify(record)}\n`));
        const bytes = new Uint8Array(lines.reduce((sum, line) => sum + line.length, 0));
        const ends = new Uint32Array(lines.length);
        let offset = 0;
        lines.forEach((line, i) => {
          bytes.set(line, offset);
          offset += line.length;
          ends[i] = offset;
          chunkOf[start + i] = n;
        });
        void directory.put({ n, ids: slice.map((record) => record.id), bytes, ends });
      }
      const map = {
        ids: records.map((record) => record.id),
        chunks: chunkOf,
        showcased: records.filter((record) => record.showcase != null).map((record) => record.id),
      };
      void tx.objectStore('meta').put(map, 'directoryMap');
      db.deleteObjectStore('alumni' as never);
    });
  },
];

export const DB_VERSION = UPGRADES.length;
