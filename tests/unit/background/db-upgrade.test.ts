// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, getMeta, openDatabase, UPGRADES } from '../../../utils/db';
import { alumnus } from './support/records';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('IndexedDB schema', () => {
  it('creates every store on a fresh install', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['alumni', 'diagnostics', 'meta', 'offers', 'organizations', 'outbox']);
    expect([...db.transaction('outbox').store.indexNames]).toEqual(['by-state']);
    db.close();
  });

  it('upgrades a version 1 database step by step and keeps its synced data', async () => {
    // A database as version 1 of the extension left it: directory synced, no outbox yet.
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db, oldVersion, newVersion, tx) {
        UPGRADES[0](db as never, tx as never);
      },
    });
    await v1.put('alumni', alumnus('a1'));
    await v1.put('meta', 'cursor-42', 'cursor:directory');
    v1.close();

    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('alumni', 'a1')).toEqual(alumnus('a1'));
    expect(await getMeta(db, 'cursor:directory')).toBe('cursor-42');
    await db.put('outbox', {
      id: crypto.randomUUID(),
      kind: 'interest',
      body: { id: crypto.randomUUID(), offerId: 'o1' },
      state: 'queued',
      attempts: 0,
      createdAt: 1,
    } as never);
    expect(await db.countFromIndex('outbox', 'by-state', 'queued')).toBe(1);
    db.close();
  });

  it('reads a meta value this version cannot parse as absent instead of failing', async () => {
    const db = await openDatabase();
    await db.put('meta', { not: 'a cursor' }, 'cursor:offers');
    expect(await getMeta(db, 'cursor:offers')).toBeUndefined();
    db.close();
  });
});
