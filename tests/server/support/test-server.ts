import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/index';
import { dataFolderFrom } from '../../support/pglite-template';

export const backends = ['pglite', 'postgres'] as const;
export type Backend = (typeof backends)[number];

export interface TestServer extends RunningServer {
  backend: Backend;
  /** Base of the API: http://127.0.0.1:PORT/api/v1 */
  api: string;
}

/** A fresh, empty PostgreSQL database in the test cluster, so test files never see each other's rows. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) {
    throw new Error(
      'PostgreSQL is not installed, so the PostgreSQL variant of this test cannot run. ' +
        'Install it (Debian: apt-get install -y postgresql, giving /usr/lib/postgresql/<version>/bin/initdb) or run `npm test`, which does.',
    );
  }
  const name = `alumni_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: adminUrl.replace(/\/postgres$/, `/${name}`),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The server on 127.0.0.1 and a free port, on a fresh PGlite folder or a fresh PostgreSQL database. */
export async function startTestServer(
  backend: Backend,
  options: Omit<ServerOptions, 'port' | 'host' | 'inMemory' | 'databaseUrl'> = {},
): Promise<TestServer> {
  if (backend === 'pglite' && options.dataDir) return testServer(await startServer({ ...options, port: 0, host: '127.0.0.1' }), backend);
  if (backend === 'pglite') {
    // A copy of the run's migrated template, without fsync (a throwaway folder), removed on close.
    const dataDir = dataFolderFrom(inject('pgliteTemplate'), 'alumni-lens-test-');
    const server = await startServer({ durability: 'none', ...options, port: 0, host: '127.0.0.1', dataDir });
    return testServer(server, backend, () => rmSync(dataDir, { recursive: true, force: true }));
  }
  const database = await createPostgresDatabase();
  const server = await startServer({ ...options, port: 0, host: '127.0.0.1', databaseUrl: database.url });
  return testServer(server, backend, () => database.drop());
}

/** `server` as a test server; closing it also removes its database (`cleanUp`). */
function testServer(server: RunningServer, backend: Backend, cleanUp?: () => unknown): TestServer {
  return {
    ...server,
    backend,
    api: `${server.url}/api/v1`,
    async close() {
      await server.close();
      await cleanUp?.();
    },
  };
}
