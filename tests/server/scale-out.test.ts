import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DirectoryPage, SnapshotHeader } from '../../utils/api';
import { openDatabase, type Database } from '../../server/db/database';
import { loadMigrations, migrate } from '../../server/db/migrate';
import { startServer, type RunningServer } from '../../server/index';
import { demoIds } from '../../server/seed/demo-data';
import { createPostgresDatabase } from './support/test-server';
import { alumnusRow, importCsv, toCsv } from './support/csv';
import { call, tokens } from './support/http';

// Several stateless instances behind a load balancer, one PostgreSQL: they may start at the same moment on an
// empty database, and a client may reach any of them on each request.

describe('instances starting together on an empty PostgreSQL', () => {
  test('eight migrations racing each other all succeed, and every step is applied exactly once', async () => {
    const database = await createPostgresDatabase();
    const handles: Database[] = [];
    try {
      for (let i = 0; i < 8; i++) handles.push(await openDatabase({ databaseUrl: database.url }));
      const applied = await Promise.all(handles.map((db) => migrate(db)));
      const versions = loadMigrations().map((m) => m.version);
      // Between them they applied each step once; whoever came later found nothing to do.
      expect(applied.flat().sort((a, b) => a - b)).toEqual(versions);
      const recorded = await handles[0].query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(recorded.map((r) => r.version)).toEqual(versions);
    } finally {
      await Promise.all(handles.map((db) => db.close()));
      await database.drop();
    }
  });
});

describe('two instances on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    database = await createPostgresDatabase();
    // Both start at once on the empty database, both with the demo seed (it only adds what is missing).
    [a, b] = await Promise.all([
      startServer({ port: 0, host: '127.0.0.1', databaseUrl: database.url, seed: 'demo' }),
      startServer({ port: 0, host: '127.0.0.1', databaseUrl: database.url, seed: 'demo' }),
    ]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  test('both answer, with one copy of the seed', async () => {
    for (const server of [a, b]) expect((await call(`${server.url}/api/v1/health`)).body).toMatchObject({ status: 'ok', database: 'postgres' });
    const [{ n }] = await a.db.query<{ n: number }>('SELECT count(*)::int AS n FROM company');
    expect(n).toBe(1);
  });

  test('an introduction retried on the other instance is stored once', async () => {
    const body = {
      id: randomUUID(),
      alumnusId: demoIds.sofiaAnderssonReyes,
      kind: 'referral',
      context: { site: 'linkedin' },
      occurredAt: '2026-11-20T10:15:00+09:00',
    };
    const replies = await Promise.all(
      [a, b, a, b].map((server) => call(`${server.url}/api/v1/introductions`, { token: tokens.recruiter, json: body })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const [{ n }] = await b.db.query<{ n: number }>('SELECT count(*)::int AS n FROM introductions WHERE id = $1', [body.id]);
    expect(n).toBe(1);
  });

  test('a cursor from one instance continues on the other, which serves the changes made through either', async () => {
    const first = DirectoryPage.parse((await call(`${a.url}/api/v1/directory?limit=5000`, { token: tokens.recruiter })).body);
    expect(first.complete).toBe(true);
    // A first sync from B's snapshot, too: its cursor must work on A.
    const snapshot = await fetch(`${b.url}/api/v1/directory/snapshot`, { headers: { authorization: `Bearer ${tokens.recruiter}` } });
    const header = SnapshotHeader.parse(JSON.parse((await snapshot.text()).split('\n')[0]));
    expect(header.count).toBe(first.alumni.length);
    // Changes through both instances: an import on A, an erasure on B.
    const imported = await importCsv(`${a.url}/api/v1`, toCsv([alumnusRow('SCALE-1', { display_name: '横山 直樹', latin: 'Naoki Yokoyama' })]));
    expect(imported.status).toBe(200);
    expect((await call(`${b.url}/api/v1/admin/alumni/${demoIds.marcosRuiz}`, { method: 'DELETE', token: tokens.admin })).status).toBe(204);
    for (const server of [a, b])
      for (const cursor of [first.cursor, header.cursor]) {
        const delta = DirectoryPage.parse((await call(`${server.url}/api/v1/directory?since=${cursor}`, { token: tokens.recruiter })).body);
        expect(delta.alumni.map((alumnus) => alumnus.id)).toEqual(['SCALE-1']);
        expect(delta.removed).toEqual([demoIds.marcosRuiz]);
        expect(delta.complete).toBe(true);
      }
  });
});
