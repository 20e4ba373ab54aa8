import { rm } from 'node:fs/promises';
import { inject } from 'vitest';
import { startServer } from '../../../server';
import type { Database } from '../../../server/db/database';
import { testExtensionOrigins } from './extension-origin';
import type { Role } from '../../../utils/api';
import { createToken, type TokenDetails } from '../../../server/store/tokens';
import { dataFolderFrom } from '../../support/pglite-template';

export interface Backend {
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server (the data folder stays: `start()` brings the same backend back on the same port). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** A new token (e.g. for another alumnus than the demo one), as `npm run server -- token create` makes. */
  createToken(role: Role, name: string, details?: TokenDetails): Promise<string>;
  /** The running server's database (to load a large directory before a story starts). */
  database(): Database;
  /** Stops it and removes its data. */
  dispose(): Promise<void>;
}

/**
 * The real reference backend on 127.0.0.1 with the demo company, on embedded PGlite in a fresh data folder
 * (one per test file).
 */
export async function startBackend(): Promise<Backend> {
  // A copy of the run's migrated template with the demo company already in it (the same database a fresh folder
  // becomes with the demo seed, without initdb's and the seed's seconds).
  const dataDir = dataFolderFrom(inject('pgliteTemplate'), 'e2e-backend-');
  // CORS: the builds the tests load (the production build's id depends on this checkout's path).
  const extensionOrigins = testExtensionOrigins();
  let running = await startServer({ host: '127.0.0.1', port: 0, dataDir, seed: 'demo', extensionOrigins });
  const port = running.port;
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      await running.close();
      stopped = true;
    },
    async start() {
      if (!stopped) return;
      running = await startServer({ host: '127.0.0.1', port, dataDir, extensionOrigins });
      stopped = false;
    },
    createToken: (role, name, details) => createToken(running.db, role, name, details),
    database: () => running.db,
    async dispose() {
      if (!stopped) await running.close();
      stopped = true;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
