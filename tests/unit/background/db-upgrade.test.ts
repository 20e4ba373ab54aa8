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
    expect([...db.objectStoreNames].sort()).toEqual(['alumni', 'diagnostics', 'meetings', 'meta', 'offers', 'organizations', 'outbox']);
    expect([...db.transaction('outbox').store.indexNames]).toEqual(['by-state']);
    expect([...db.transaction('meetings').store.indexNames]).toEqual(['by-alumnus']);
    expect([...db.transaction('alumni').store.indexNames]).toEqual(['by-showcase']);
    db.close();
  });

  it('indexes only the alumni with a published showcase, and meetings by alumnus', async () => {
    const db = await openDatabase();
    const showcase = { businessName: 'Nordlicht', offering: 'Dashboards', tags: { skills: [], industries: [], services: [] }, sharedContact: {}, published: true, updatedAt: '2026-11-01T00:00:00.000Z' };
    await db.put('alumni', alumnus('plain'));
    await db.put('alumni', { ...alumnus('shows'), showcase });
    expect((await db.getAllFromIndex('alumni', 'by-showcase')).map((a) => a.id)).toEqual(['shows']);
    // Unpublishing reaches the client as the record without its showcase: it leaves the index.
    await db.put('alumni', alumnus('shows'));
    expect(await db.getAllFromIndex('alumni', 'by-showcase')).toEqual([]);
    db.close();
  });

  it('upgrades a version 1 database step by step and keeps its synced data', async () => {
    // A database as version 1 of the extension left it: directory synced, no outbox yet.
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db, _oldVersion, _newVersion, tx) {
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
