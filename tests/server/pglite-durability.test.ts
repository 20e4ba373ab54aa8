import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../server/index';
import { demoIds } from '../../server/seed/demo-data';
import { call, tokens } from './support/http';
import { newDataFolder, removeDataFolderTemplates } from './support/data-folder';

// An acknowledged introduction must survive an OS crash or power cut: on the embedded database, the commit's
// WAL is fsynced to disk before the server answers 201 (PGlite's default runs PostgreSQL with fsync off).

const root = mkdtempSync(join(tmpdir(), 'alumni-lens-durable-'));
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: await newDataFolder(join(root, 'data')), seed: 'demo' });
}, 240_000);
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
  await removeDataFolderTemplates();
});

test('PostgreSQL inside PGlite runs with fsync on, WAL flushed by fsync, synchronous commit', async () => {
  const settings = await server.db.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'wal_sync_method', 'synchronous_commit', 'full_page_writes') ORDER BY name",
  );
  expect(Object.fromEntries(settings.map((row) => [row.name, row.setting]))).toEqual({
    fsync: 'on',
    full_page_writes: 'on',
    synchronous_commit: 'on',
    wal_sync_method: 'fsync',
  });
});

test('POST /introductions answers 201 only after its WAL was fsynced to disk', async () => {
  // PGlite runs in its own thread (server/db/pglite-thread.ts); its filesystem counts the fsyncs of files in pg_wal/.
  const before = server.db.walFsyncs!();
  const reply = await call(`${server.url}/api/v1/introductions`, {
    token: tokens.recruiter,
    json: { id: randomUUID(), alumnusId: demoIds.taroYamada, kind: 'referral', context: {}, occurredAt: '2026-11-01T09:00:00Z' },
  });
  // The count is read after the answer arrived, and the thread counts before it acknowledges the commit.
  expect(reply.status).toBe(201);
  expect(server.db.walFsyncs!()).toBeGreaterThan(before);
});

test('a read-only request fsyncs no WAL', async () => {
  // The counter above can fail: a request that commits nothing leaves it where it was.
  const before = server.db.walFsyncs!();
  const reply = await call(`${server.url}/api/v1/health`, { token: tokens.recruiter });
  expect(reply.status).toBe(200);
  expect(server.db.walFsyncs!()).toBe(before);
});
