// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { splitRecordLines } from '../../../utils/api';
import { countAlumni, DB_NAME, DB_VERSION, getMeta, holdRecords, openDatabase, readAlumni, readAllAlumni, readAlumniWithShowcase, UPGRADES } from '../../../utils/db';
import { commitDelta } from '../../../utils/sync/commit';
import { alumnus } from './support/records';

const showcase = {
  businessName: 'Nordlicht',
  offering: 'Dashboards',
  tags: { skills: [], industries: [], services: [] },
  sharedContact: {},
  published: true,
  updatedAt: '2026-11-01T00:00:00.000Z',
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('IndexedDB schema', () => {
  it('creates every store on a fresh install', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['diagnostics', 'directory', 'meetings', 'meta', 'offers', 'organizations', 'outbox']);
    expect([...db.transaction('outbox').store.indexNames]).toEqual(['by-state']);
    expect([...db.transaction('meetings').store.indexNames]).toEqual(['by-alumnus']);
    // No index over the directory's ids: it tripled a first sync's writes (utils/db/directory.ts keeps a map).
    expect([...db.transaction('directory').store.indexNames]).toEqual([]);
    db.close();
  });

  it('finds only the alumni with a published showcase, and follows unpublishing', async () => {
    const db = await openDatabase();
    await commitDelta(db, { resource: 'directory', changes: new Map([['plain', alumnus('plain')], ['shows', { ...alumnus('shows'), showcase }]]), cursor: 'c1' });
    expect((await readAlumniWithShowcase(db)).map((a) => a.id)).toEqual(['shows']);
    // Unpublishing reaches the client as the record without its showcase: it leaves the index.
    await commitDelta(db, { resource: 'directory', changes: new Map([['shows', alumnus('shows')]]), cursor: 'c2' });
    expect(await readAlumniWithShowcase(db)).toEqual([]);
    expect(await countAlumni(db)).toBe(2);
    db.close();
  });

  it('upgrades a version 1 database step by step and keeps its synced data', async () => {
    // A database as version 1 of the extension left it: directory synced, no outbox yet.
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db, _oldVersion, _newVersion, tx) {
        UPGRADES[0](db as never, tx as never);
      },
    });
    await v1.put('alumni' as never, alumnus('a1') as never);
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

  it('moves a version 3 directory (one record per value) into chunks, every record readable by its id, showcases kept', async () => {
    const v3 = await openDB(DB_NAME, 3, {
      upgrade(db, _oldVersion, _newVersion, tx) {
        for (const step of UPGRADES.slice(0, 3)) step(db as never, tx as never);
      },
    });
    const records = Array.from({ length: 600 }, (_, i) => alumnus(`m${i}`, { currentTitle: `Title ${i}`, ...(i % 250 === 7 ? { showcase } : {}) }));
    const tx = v3.transaction('alumni' as never, 'readwrite');
    await Promise.all([...records.map((record) => tx.store.put(record as never)), tx.done]);
    v3.close();

    const db = await openDatabase();
    expect(await countAlumni(db)).toBe(600);
    expect((await db.getAll('directory')).map((chunk) => chunk.ids.length)).toEqual([256, 256, 88]);
    expect(await readAlumni(db, ['m599', 'm0', 'nobody', 'm300'])).toEqual([records[599], records[0], null, records[300]]);
    expect((await readAllAlumni(db)).alumni.sort((a, b) => a.id.localeCompare(b.id))).toEqual(records.sort((a, b) => a.id.localeCompare(b.id)));
    expect((await readAlumniWithShowcase(db)).map((a) => a.id).sort()).toEqual(['m257', 'm507', 'm7']);
    expect([...db.objectStoreNames]).not.toContain('alumni');
    db.close();
  });

  it('reads a snapshot held in memory while it is being stored, and only then', async () => {
    const db = await openDatabase();
    const records = [alumnus('h1'), { ...alumnus('h2'), showcase }];
    const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    const lines = splitRecordLines(new TextEncoder().encode(text), ['h1', 'h2'])!;
    const release = holdRecords(db, lines, ['h2']);
    expect(await readAlumni(db, ['h2', 'h1', 'nobody'])).toEqual([records[1], records[0], null]);
    expect(await countAlumni(db)).toBe(2);
    expect((await readAlumniWithShowcase(db)).map((a) => a.id)).toEqual(['h2']);
    release();
    expect(await readAlumni(db, ['h1'])).toEqual([null]);
    expect(await countAlumni(db)).toBe(0);
    db.close();
  });

  it('reads a meta value this version cannot parse as absent instead of failing', async () => {
    const db = await openDatabase();
    await db.put('meta', { not: 'a cursor' }, 'cursor:offers');
    expect(await getMeta(db, 'cursor:offers')).toBeUndefined();
    db.close();
  });
});
