import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
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
  // 3: the directory in chunks of JSON lines with an id index (issue 11: a first sync of 100,000 alumni is a
  // few hundred puts). The records of the `alumni` store move over as they are, 256 to a chunk; the store goes.
  (db, tx) => {
    const directory = db.createObjectStore('directory', { keyPath: 'n' });
    directory.createIndex('by-id', 'ids', { multiEntry: true });
    if (!db.objectStoreNames.contains('alumni' as never)) return;
    const old = tx.objectStore('alumni' as never) as unknown as { getAll(): Promise<Array<{ id?: unknown }>> };
    void old.getAll().then((records) => {
      const encoder = new TextEncoder();
      const valid = records.filter((record) => typeof record?.id === 'string');
      for (let start = 0, n = 0; start < valid.length; start += 256, n++) {
        const lines = valid.slice(start, start + 256).map((record) => encoder.encode(`${JSON.stringify(record)}\n`));
        const bytes = new Uint8Array(lines.reduce((sum, line) => sum + line.length, 0));
        const ends = new Uint32Array(lines.length);
        let offset = 0;
        lines.forEach((line, i) => {
          bytes.set(line, offset);
          offset += line.length;
          ends[i] = offset;
        });
        void directory.put({ n, ids: valid.slice(start, start + 256).map((record) => record.id as string), bytes, ends });
      }
      db.deleteObjectStore('alumni' as never);
    });
  },
];

export const DB_VERSION = UPGRADES.length;
