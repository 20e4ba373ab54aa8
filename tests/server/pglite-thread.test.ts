import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type Database } from '../../server/db/database';

// The embedded database runs in its own worker thread (server/db/pglite-thread.ts): the stores must see exactly
// what they saw with PGlite on the event loop — rows, transactions, errors, order — and the folder must stay durable.

const root = mkdtempSync(join(tmpdir(), 'alumni-lens-pglite-thread-'));
const dataDir = join(root, 'data');
let db: Database;
beforeAll(async () => {
  db = await openDatabase({ dataDir });
  await db.exec('CREATE TABLE items (id int PRIMARY KEY, doc jsonb, at timestamptz NOT NULL DEFAULT now(), n bigint)');
}, 120_000);
afterAll(async () => {
  await db?.close();
  rmSync(root, { recursive: true, force: true });
});

test('a query returns its rows as before: jsonb parsed, timestamptz a Date, bigint a number', async () => {
  await db.query('INSERT INTO items (id, doc, n) VALUES ($1, $2, $3)', [1, JSON.stringify({ name: 'Taro', tags: ['a'] }), 42]);
  const [row] = await db.query<{ id: number; doc: unknown; at: Date; n: number }>('SELECT * FROM items WHERE id = $1', [1]);
  expect(row.doc).toEqual({ name: 'Taro', tags: ['a'] });
  expect(row.at).toBeInstanceOf(Date);
  expect(row.n).toBe(42);
  expect(await db.query('SELECT * FROM items WHERE id = -1')).toEqual([]);
});

test('a transaction commits all of its statements', async () => {
  const result = await db.transaction(async (tx) => {
    await tx.query('INSERT INTO items (id) VALUES (2)');
    await tx.exec('INSERT INTO items (id) VALUES (3); INSERT INTO items (id) VALUES (4)');
    return (await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM items WHERE id IN (2, 3, 4)'))[0].count;
  });
  expect(result).toBe(3);
  expect(await db.query('SELECT id FROM items WHERE id IN (2, 3, 4) ORDER BY id')).toEqual([{ id: 2 }, { id: 3 }, { id: 4 }]);
});

test('a transaction whose work throws is rolled back, and the error reaches the caller', async () => {
  await expect(
    db.transaction(async (tx) => {
      await tx.query('INSERT INTO items (id) VALUES (5)');
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect(await db.query('SELECT id FROM items WHERE id = 5')).toEqual([]);
});

test("PostgreSQL's errors carry through with their code, and a failed statement rolls its transaction back", async () => {
  const error = await db.query('INSERT INTO items (id) VALUES (1)').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(Error);
  expect(error).toMatchObject({ message: expect.stringContaining('duplicate key'), code: '23505', constraint: 'items_pkey' });
  // The stack names this file, where the query was made, not only the thread's plumbing.
  expect((error as Error).stack).toContain('pglite-thread.test.ts');
  await expect(
    db.transaction(async (tx) => {
      await tx.query('INSERT INTO items (id) VALUES (6)');
      await tx.query('SELECT 1 / 0');
    }),
  ).rejects.toMatchObject({ code: '22012' });
  expect(await db.query('SELECT id FROM items WHERE id = 6')).toEqual([]);
  // The database still answers after both.
  expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
});

test('statements from concurrent callers wait for an open transaction, as on one connection', async () => {
  const order: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const transaction = db.transaction(async (tx) => {
    await tx.query('INSERT INTO items (id) VALUES (7)');
    order.push('inserted');
    await held;
    order.push('committing');
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  // Outside the transaction: it must not see the uncommitted row, so it waits until the commit.
  const outside = db.query<{ id: number }>('SELECT id FROM items WHERE id = 7').then((rows) => {
    order.push('read');
    return rows;
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  release();
  await transaction;
  expect(await outside).toEqual([{ id: 7 }]);
  expect(order).toEqual(['inserted', 'committing', 'read']);
});

test('many callers at once each get their own rows', async () => {
  const ids = Array.from({ length: 50 }, (_, i) => 100 + i);
  await Promise.all(ids.map((id) => db.query('INSERT INTO items (id, doc) VALUES ($1, $2)', [id, JSON.stringify({ id })])));
  const rows = await Promise.all(ids.map((id) => db.query<{ doc: { id: number } }>('SELECT doc FROM items WHERE id = $1', [id])));
  expect(rows.map(([row]) => row.doc.id)).toEqual(ids);
});

test("a request's statements go ahead of bulk statements already waiting", async () => {
  const order: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const transaction = db.transaction(async (tx) => {
    await tx.query('SELECT 1');
    await held;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const waiting = [
    db.background.query('SELECT 1').then(() => order.push('bulk 1')),
    db.background.query('SELECT 2').then(() => order.push('bulk 2')),
    db.query('SELECT 3').then(() => order.push('request')),
  ];
  await new Promise((resolve) => setTimeout(resolve, 50));
  release();
  await Promise.all([transaction, ...waiting]);
  expect(order).toEqual(['request', 'bulk 1', 'bulk 2']);
});

test('every commit fsyncs WAL; the data is there after the database is closed and opened again', async () => {
  const before = db.walFsyncs!();
  await db.query('INSERT INTO items (id) VALUES (8)');
  expect(db.walFsyncs!()).toBeGreaterThan(before);
  await db.close();
  await expect(db.query('SELECT 1')).rejects.toThrow('closed');
  db = await openDatabase({ dataDir });
  expect(await db.query('SELECT id FROM items WHERE id IN (1, 8) ORDER BY id')).toEqual([{ id: 1 }, { id: 8 }]);
}, 120_000);

test('closing answers what was sent before it, refuses at once what comes after, and closes once however often asked', async () => {
  const before = db.query<{ n: number }>('SELECT 1 AS n');
  const closing = db.close();
  const again = db.close();
  // Sent while the thread closes, it would never be answered: it is refused instead, with a reason.
  await expect(db.query('SELECT 2')).rejects.toThrow('The database is closed');
  expect(await before).toEqual([{ n: 1 }]);
  await expect(closing).resolves.toBeUndefined();
  await expect(again).resolves.toBeUndefined();
  db = await openDatabase({ dataDir });
  expect(await db.query('SELECT id FROM items WHERE id = 8')).toEqual([{ id: 8 }]);
}, 120_000);

test('a second opening of the same folder is refused while the first holds it', async () => {
  await expect(openDatabase({ dataDir })).rejects.toThrow();
  expect(await db.query('SELECT count(*)::int AS count FROM items')).toEqual([{ count: 56 }]);
});

test("a one-shot command's PGlite on the caller's thread sees the same folder, keeps its lock, and fsyncs its commits", async () => {
  await expect(openDatabase({ dataDir, home: 'in-process' })).rejects.toThrow();
  await db.close();
  const oneShot = await openDatabase({ dataDir, home: 'in-process' });
  try {
    await expect(openDatabase({ dataDir })).rejects.toThrow();
    const before = oneShot.walFsyncs!();
    await oneShot.transaction((tx) => tx.query('INSERT INTO items (id) VALUES (9)'));
    expect(oneShot.walFsyncs!()).toBeGreaterThan(before);
    await expect(oneShot.query('INSERT INTO items (id) VALUES (9)')).rejects.toMatchObject({ code: '23505' });
  } finally {
    await oneShot.close();
  }
  db = await openDatabase({ dataDir });
  expect(await db.query('SELECT id FROM items WHERE id IN (8, 9) ORDER BY id')).toEqual([{ id: 8 }, { id: 9 }]);
}, 120_000);
