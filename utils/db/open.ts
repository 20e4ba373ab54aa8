import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, type AlumniLensDB } from './schema';
import { DB_VERSION, UPGRADES } from './upgrades';

export type Database = IDBPDatabase<AlumniLensDB>;

/** Opens the worker's database, running every upgrade step between the stored and the current version. */
export function openDatabase(name = DB_NAME): Promise<Database> {
  return openDB<AlumniLensDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let version = oldVersion + 1; version <= (newVersion ?? DB_VERSION); version++) {
        UPGRADES[version - 1](db, tx);
      }
    },
    // Another context (an older worker still alive after an update) must let the new one upgrade.
    blocking() {},
  });
}
