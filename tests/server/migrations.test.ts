import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DirectoryPage } from '../../utils/api';
import { openDatabase, type DatabaseLocation } from '../../server/db/database';
import { loadMigrations, migrate } from '../../server/db/migrate';
import { startServer } from '../../server/index';
import { hashToken } from '../../server/store/tokens';
import { backends, createPostgresDatabase } from './support/test-server';
import { newDataFolder, removeDataFolderTemplates } from './support/data-folder';
import { call } from './support/http';

const folders: string[] = [];
afterAll(async () => {
  folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  await removeDataFolderTemplates();
});

/** Where an older release kept its data: a PGlite folder, or a PostgreSQL database. */
async function oldLocation(backend: (typeof backends)[number]) {
  if (backend === 'pglite') {
    const parent = mkdtempSync(join(tmpdir(), 'alumni-lens-data-'));
    folders.push(parent);
    const dataDir = await newDataFolder(join(parent, 'data'), 1);
    return { location: { dataDir } as DatabaseLocation, options: { dataDir }, drop: async () => undefined };
  }
  const database = await createPostgresDatabase();
  return { location: { databaseUrl: database.url } as DatabaseLocation, options: { databaseUrl: database.url }, drop: database.drop };
}

describe.each(backends)('migrations on existing data (%s)', (backend) => {
  test('data written under schema version 1 survives the upgrade and is served', async () => {
    const { location, options, drop } = await oldLocation(backend);
    try {
      // Release 1: only the first migration existed; it wrote rows in its own shape.
      const old = await openDatabase(location);
      await migrate(old, { upTo: 1 });
      expect((await old.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version)).toEqual([1]);
      await old.query(`INSERT INTO company (name, aliases, domains) VALUES ('Sakura Digital', '["さくらデジタル"]', '["sakura-digital.example"]')`);
      await old.query('INSERT INTO api_tokens (token_hash, name, role) VALUES ($1, $2, $3)', [hashToken('legacy-token'), 'Legacy Recruiter', 'recruiter']);
      const record = (display: string, recognition: boolean) =>
        JSON.stringify({ names: { display }, tenure: [{ from: '2001-04', to: '2004-03' }], consent: { recognition, offers: false }, rehireEligible: true });
      await old.query('INSERT INTO alumni (id, record) VALUES ($1, $2::jsonb), ($3, $4::jsonb)', ['OLD-1', record('古川 一郎', true), 'OLD-2', record('古川 二郎', false)]);
      await old.query(`INSERT INTO organizations (id, record) VALUES ('org-old', '{"name":"Old Co","aliases":[],"domains":["old.example"],"profileUrls":[]}')`);
      await old.close();

      // This release opens it: pending migrations run at start-up, the old rows are served as before.
      const server = await startServer({ ...options, port: 0 });
      try {
        const versions = await server.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(versions.map((v) => v.version)).toEqual(loadMigrations().map((m) => m.version));
        const page = DirectoryPage.parse((await call(`${server.url}/api/v1/directory`, { token: 'legacy-token' })).body);
        expect(page.alumni).toMatchObject([{ id: 'OLD-1', names: { display: '古川 一郎' }, rehireEligible: true }]);
        const orgs = await call(`${server.url}/api/v1/organizations`, { token: 'legacy-token' });
        expect(orgs.body.organizations).toMatchObject([{ id: 'org-old', domains: ['old.example'] }]);
        expect((await call(`${server.url}/api/v1/me`, { token: 'legacy-token' })).body.company.name).toBe('Sakura Digital');
        // Without the demo seed there are no demo pages.
        expect((await fetch(`${server.url}/demo/`)).status).toBe(404);
        // The tables later migrations added work on the upgraded data.
        const logged = await call(`${server.url}/api/v1/introductions`, {
          token: 'legacy-token',
          json: { id: crypto.randomUUID(), alumnusId: 'OLD-1', kind: 'rehire', context: {}, occurredAt: '2026-01-05T09:00:00Z' },
        });
        expect(logged.status).toBe(201);
      } finally {
        await server.close();
      }

      // Starting again applies nothing twice and loses nothing.
      const again = await startServer({ ...options, port: 0 });
      try {
        expect(await migrate(again.db)).toEqual([]);
        const counts = await again.db.query<{ alumni: number; introductions: number }>(
          'SELECT (SELECT count(*)::int FROM alumni) AS alumni, (SELECT count(*)::int FROM introductions) AS introductions',
        );
        expect(counts).toEqual([{ alumni: 2, introductions: 1 }]);
      } finally {
        await again.close();
      }
    } finally {
      await drop();
    }
  });

  test('a database from a newer release is refused, not touched', async () => {
    const { location, options, drop } = await oldLocation(backend);
    try {
      const db = await openDatabase(location);
      await migrate(db);
      await db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from_the_future')");
      await db.close();
      await expect(startServer({ ...options, port: 0 })).rejects.toThrow(/schema version 999, newer than this server knows/);
      const reopened = await openDatabase(location);
      expect((await reopened.query('SELECT version FROM schema_migrations WHERE version = 999')).length).toBe(1);
      await reopened.close();
    } finally {
      await drop();
    }
  });
});
