import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { applyDemoSeed } from './seed/apply-demo-seed';
import type { SnapshotOptions } from './sync/directory-snapshot';

export interface ServerOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Embedded PGlite on disk (default `.data/`)… */
  dataDir?: string;
  /** …or a real PostgreSQL… */
  databaseUrl?: string;
  /** …or PGlite in memory (tests). */
  inMemory?: boolean;
  /** Load the fictional demo company and serve server/demo/pages/ under /demo/. Loopback hosts only. */
  seed?: 'demo';
  /** Where the demo pages are; defaults to server/demo/pages/. */
  demoPagesDir?: string;
  /** When the directory snapshot is rebuilt; see server/sync/directory-snapshot.ts. */
  snapshots?: SnapshotOptions;
}

export interface RunningServer {
  /** Base URL such as http://127.0.0.1:8787 (the API is under /api/v1). */
  url: string;
  port: number;
  db: Database;
  /** Stops listening, ends open connections and closes the database. */
  close(): Promise<void>;
}

export const demoPagesDir = fileURLToPath(new URL('./demo/pages/', import.meta.url));

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Opens the database, applies pending migrations (and the demo seed if asked) and listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (options.seed === 'demo' && !isLoopback(host)) {
    throw new Error(`Refusing the demo seed on ${host}: its tokens are public, so it only listens on loopback (127.0.0.1).`);
  }
  const db = await openDatabase(
    options.databaseUrl ? { databaseUrl: options.databaseUrl } : options.inMemory ? { inMemory: true } : { dataDir: options.dataDir ?? '.data' },
  );
  try {
    await migrate(db);
    if (options.seed === 'demo') await applyDemoSeed(db);
    const app = createApp({
      db,
      demoPagesDir: options.seed === 'demo' ? (options.demoPagesDir ?? demoPagesDir) : undefined,
      snapshots: options.snapshots,
    });
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8787, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${urlHost}:${port}`,
      port,
      db,
      async close() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
