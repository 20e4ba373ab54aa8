// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { countAlumni, DB_NAME, DB_VERSION, getMeta, openDatabase, readAlumni, readAllAlumni, UPGRADES } from '../../../utils/db';
import { alumnus } from './support/records';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('IndexedDB schema', () => {
  it('creates every store on a fresh install', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['diagnostics', 'directory', 'meta', 'offers', 'organizations', 'outbox']);
    expect([...db.transaction('outbox').store.indexNames]).toEqual(['by-state']);
    expect([...db.transaction('directory').store.indexNames]).toEqual(['by-id']);
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
    expect(await readAlumni(db, ['a1'])).toEqual([alumnus('a1')]);
    expect([...db.objectStoreNames]).not.toContain('alumni');
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

  it('moves a version 2 directory (one record per value) into chunks, every record readable by its id', async () => {
    const v2 = await openDB(DB_NAME, 2, {
      upgrade(db, oldVersion, newVersion, tx) {
        UPGRADES[0](db as never, tx as never);
        UPGRADES[1](db as never, tx as never);
      },
    });
    const records = Array.from({ length: 600 }, (_, i) => alumnus(`m${i}`, { currentTitle: `Title ${i}` }));
    const tx = v2.transaction('alumni', 'readwrite');
    await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
    v2.close();

    const db = await openDatabase();
    expect(await countAlumni(db)).toBe(600);
    expect((await db.getAll('directory')).map((chunk) => chunk.ids.length)).toEqual([256, 256, 88]);
    expect(await readAlumni(db, ['m599', 'm0', 'nobody', 'm300'])).toEqual([records[599], records[0], null, records[300]]);
    expect((await readAllAlumni(db)).alumni.sort((a, b) => a.id.localeCompare(b.id))).toEqual(records.sort((a, b) => a.id.localeCompare(b.id)));
    db.close();
  });

  it('reads a meta value this version cannot parse as absent instead of failing', async () => {
    const db = await openDatabase();
    await db.put('meta', { not: 'a cursor' }, 'cursor:offers');
    expect(await getMeta(db, 'cursor:offers')).toBeUndefined();
    db.close();
  });
});
