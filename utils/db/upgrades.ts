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
    db.createObjectStore('alumni', { keyPath: 'id' });
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
    tx.objectStore('alumni').createIndex('by-showcase', 'showcase.updatedAt');
  },
];

export const DB_VERSION = UPGRADES.length;
