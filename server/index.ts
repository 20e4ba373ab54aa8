import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { refreshAlumniSearch } from './console/alumni-search';
import { createImportJobs } from './console/import-jobs';
import { openDatabase, type Database } from './db/database';
import { extensionOriginPattern } from './http/cors';
import { migrate } from './db/migrate';
import { applyDemoSeed } from './seed/apply-demo-seed';
import { cursorKey } from './sync/cursor-key';
import { DirectorySnapshots, type SnapshotOptions } from './sync/directory-snapshot';

export interface ServerOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Embedded PGlite on disk (default `.data/`)… */
  dataDir?: string;
  /** PGlite on disk only: 'none' turns fsync off (the benchmark's baseline; never for data you keep). */
  durability?: 'fsync' | 'none';
  /** …or a real PostgreSQL… */
  databaseUrl?: string;
  /** …or PGlite in memory (tests). */
  inMemory?: boolean;
  /** Load the fictional demo company and serve server/demo/pages/ under /demo/. Loopback hosts only. */
  seed?: 'demo';
  /** Where the demo pages are; defaults to server/demo/pages/. */
  demoPagesDir?: string;
  /**
   * Extension origins CORS lets through (`chrome-extension://<id>`, `moz-extension://<uuid>`); default: the
   * development build's fixed id only. Deployments list their extension's id (`--extension-origin`).
   */
  extensionOrigins?: readonly string[];
  /** The built console served under /admin/; defaults to console/dist/. */
  consoleDir?: string;
  /** Serve the Chromium update manifest and CRX in this folder under /extension/ (docs/deploy.md). */
  extensionDir?: string;
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
  const badOrigin = options.extensionOrigins?.find((origin) => !extensionOriginPattern.test(origin));
  if (badOrigin !== undefined) {
    throw new Error(`Not an extension origin: "${badOrigin}" (expected chrome-extension://<id> or moz-extension://<uuid>, nothing after it).`);
  }
  if (options.seed === 'demo' && !isLoopback(host)) {
    throw new Error(`Refusing the demo seed on ${host}: its tokens are public, so it only listens on loopback (127.0.0.1).`);
  }
  const db = await openDatabase(
    options.databaseUrl
      ? { databaseUrl: options.databaseUrl }
      : options.inMemory
        ? { inMemory: true }
        : { dataDir: options.dataDir ?? '.data', durability: options.durability },
  );
  try {
    await migrate(db);
    // The cursor-signing secret exists before the first request, so no request (a refused one least of all) writes it.
    await cursorKey(db);
    if (options.seed === 'demo') await applyDemoSeed(db);
    const importJobs = createImportJobs(db);
    const directorySnapshots = new DirectorySnapshots(db.background, options.snapshots);
    const app = createApp({
      db,
      importJobs,
      directorySnapshots,
      consoleDir: options.consoleDir,
      demoPagesDir: options.seed === 'demo' ? (options.demoPagesDir ?? demoPagesDir) : undefined,
      extensionOrigins: options.extensionOrigins,
      extensionDir: options.extensionDir,
    });
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8787, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    // The console's alumni list reads a search table; fill it in the background (it yields as it goes).
    const indexing = refreshAlumniSearch(db).catch((error) => console.error('Indexing alumni for the console failed:', error));
    // First syncs find the directory snapshots ready (they are built in steps, their indexes in a worker thread).
    directorySnapshots.prebuild();
    const urlHost = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${urlHost}:${port}`,
      port,
      db,
      async close() {
        await importJobs.stopAll();
        await indexing;
        await directorySnapshots.close();
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
