import { openDB, type IDBPDatabase } from 'idb';

/**
 * Where the backend URL and token live: an IndexedDB database of the extension's own origin
 * (chrome-extension://…, moz-extension://…), which only the extension's trusted contexts — the worker
 * and its pages — can open. Content scripts run with the host page's origin: their IndexedDB is the
 * page's, and `storage.local`, where this used to be, is readable and writable by every content script
 * in Firefox (and in Chromium unless its access level is restricted, see restrictStorageAccess).
 */
export const TRUSTED_DB_NAME = 'alumni-lens-trusted';
const STORE = 'config';

/** The user's connection; the legacy move's marker; the last enterprise policy seen (managed-storage.ts). */
export type TrustedKey = 'connection' | 'legacy-migrated' | 'managed-policy';

interface Connection {
  factory: IDBFactory;
  db: Promise<IDBPDatabase>;
}
let connection: Connection | null = null;

/** One connection per IndexedDB factory (tests give every case a fresh one). */
function database(): Promise<IDBPDatabase> {
  if (connection?.factory !== globalThis.indexedDB) {
    connection = {
      factory: globalThis.indexedDB,
      db: openDB(TRUSTED_DB_NAME, 1, {
        upgrade(db) {
          db.createObjectStore(STORE);
        },
        blocking() {},
      }),
    };
  }
  return connection.db;
}

export async function readTrusted(key: TrustedKey): Promise<unknown> {
  return (await database()).get(STORE, key);
}

export async function writeTrusted(key: TrustedKey, value: unknown): Promise<void> {
  await (await database()).put(STORE, value, key);
}

export async function deleteTrusted(key: TrustedKey): Promise<void> {
  await (await database()).delete(STORE, key);
}
