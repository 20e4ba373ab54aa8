import { existsSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import type { Database } from './db/database';
import { demoPagesHandler } from './demo/serve-demo-pages';
import type { AppEnv } from './http/auth';
import { noStoreByDefault } from './http/cache-control';
import { extensionCors } from './http/cors';
import { ApiProblem, problemBody, sendProblem } from './http/problem';
import { openApiDocument } from './openapi';
import { adminRoutes } from './routes/admin-routes';
import { logRoutes } from './routes/log-routes';
import { readRoutes } from './routes/read-routes';
import { DirectorySnapshots, type SnapshotOptions } from './sync/directory-snapshot';

export const jsonBodyLimit = 1024 * 1024;
/** HR exports of a 100,000-person directory run to tens of megabytes. */
export const csvBodyLimit = 64 * 1024 * 1024;
const importPath = '/api/v1/admin/alumni/import';

export interface AppOptions {
  db: Database;
  /** When the directory snapshot is rebuilt (tests make it rebuild sooner). */
  snapshots?: SnapshotOptions;
  /** Folder of demo pages served under /demo/ (only with the demo seed). */
  demoPagesDir?: string;
}

export function createApp({ db, demoPagesDir, snapshots }: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/api/*', extensionCors);
  app.use('/api/*', noStoreByDefault);
  // JSON answers over 1 KB (delta pages above all) go out gzip'd when the client accepts it; the snapshot
  // arrives already encoded. Compression runs on libuv's thread pool, not on the event loop.
  app.use('/api/*', compress({ encoding: 'gzip', threshold: 1024 }));
  app.use('/api/*', (c, next) =>
    bodyLimit({
      maxSize: c.req.path === importPath ? csvBodyLimit : jsonBodyLimit,
      // The rest of the body is not read, so this connection cannot carry another request: close it.
      onError: (c) =>
        c.json(problemBody('payload_too_large', 'The request body is larger than this endpoint accepts.'), 413, { Connection: 'close' }),
    })(c, next),
  );

  const document = openApiDocument();
  app.get('/api/v1/openapi.json', (c) => c.json(document));
  app.route('/api/v1', readRoutes(db, new DirectorySnapshots(db, snapshots)));
  app.route('/api/v1', logRoutes(db));
  app.route('/api/v1/admin', adminRoutes(db));
  if (demoPagesDir && existsSync(demoPagesDir)) app.get('/demo/*', demoPagesHandler(demoPagesDir));

  app.notFound((c) => c.json(problemBody('not_found', `No endpoint ${c.req.method} ${c.req.path}.`), 404));
  // The one place errors become responses: deliberate problems keep their status, anything else is a 500
  // that is logged, never a crash.
  app.onError((error, c) => {
    if (error instanceof ApiProblem) return sendProblem(c, error);
    if (error instanceof HTTPException) return c.json(problemBody('http_error', error.message || 'Bad request.'), error.status);
    console.error(`Unhandled error on ${c.req.method} ${c.req.path}:`, error);
    return c.json(problemBody('internal_error', 'The server failed to handle this request.'), 500);
  });
  return app;
}
