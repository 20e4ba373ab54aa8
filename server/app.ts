import { existsSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import type { Database } from './db/database';
import { createImportJobs, type ImportJobs } from './console/import-jobs';
import { consoleHandler, defaultConsoleDir } from './console/serve-console';
import { demoPagesHandler } from './demo/serve-demo-pages';
import type { AppEnv } from './http/auth';
import { noStoreByDefault } from './http/cache-control';
import { extensionCors } from './http/cors';
import { extensionFilesHandler } from './routes/extension-files';
import { ApiProblem, problemBody, sendProblem } from './http/problem';
import { openApiDocument } from './openapi';
import { adminRoutes } from './routes/admin-routes';
import { logRoutes } from './routes/log-routes';
import { matchingRoutes } from './routes/matching-routes';
import { readRoutes } from './routes/read-routes';
import { consoleAdminRoutes } from './routes/console-admin-routes';
import { consoleRoutes } from './routes/console-routes';
import { sessionRoutes } from './routes/session-routes';
import { defaultSessionLimits, type SessionLimits } from './store/sessions';
import { recordClientSync } from './store/token-holders';
import { DirectorySnapshots, type SnapshotOptions } from './sync/directory-snapshot';

export const jsonBodyLimit = 1024 * 1024;
/** HR exports of a 100,000-person directory run to tens of megabytes. */
export const csvBodyLimit = 64 * 1024 * 1024;
const csvPaths = new Set(['/api/v1/admin/alumni/import', '/api/v1/admin/imports', '/api/v1/admin/imports/preview']);
/** Delta-sync feeds: a client reading one has synced (the console's freshness chart). */
const syncFeeds = ['/api/v1/directory', '/api/v1/organizations', '/api/v1/offers'];

export interface AppOptions {
  db: Database;
  /** When the directory snapshot is rebuilt (tests make it rebuild sooner). */
  snapshots?: SnapshotOptions;
  /** The directory snapshots; startServer passes its own so it can build them ahead and stop them on close. */
  directorySnapshots?: DirectorySnapshots;
  /** Folder of demo pages served under /demo/ (only with the demo seed). */
  demoPagesDir?: string;
  /** Extension origins allowed by CORS (default: the development build's, see http/cors.ts). */
  extensionOrigins?: readonly string[];
  /** The built console, served under /admin/ (default console/dist/). */
  consoleDir?: string;
  /** Background CSV imports; startServer passes its own so it can stop them on close. */
  importJobs?: ImportJobs;
  sessionLimits?: SessionLimits;
  /** Folder with the Chromium update manifest and CRX served under /extension/ (self-hosted installs). */
  extensionDir?: string;
}

export function createApp({ db, demoPagesDir, extensionOrigins, consoleDir, importJobs, sessionLimits, extensionDir, snapshots, directorySnapshots }: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const jobs = importJobs ?? createImportJobs(db);
  app.use('/api/*', async (c, next) => {
    c.set('sessionLimits', sessionLimits ?? defaultSessionLimits);
    await next();
  });
  app.use('/api/*', extensionCors(extensionOrigins));
  app.use('/api/*', noStoreByDefault);
  // JSON answers over 1 KB (delta pages above all) go out gzip'd when the client accepts it; the snapshot
  // arrives already encoded. Compression runs on libuv's thread pool, not on the event loop.
  app.use('/api/*', compress({ encoding: 'gzip', threshold: 1024 }));
  app.use('/api/*', (c, next) =>
    bodyLimit({
      maxSize: csvPaths.has(c.req.path) ? csvBodyLimit : jsonBodyLimit,
      // The rest of the body is not read, so this connection cannot carry another request: close it.
      onError: (c) =>
        c.json(problemBody('payload_too_large', 'The request body is larger than this endpoint accepts.'), 413, { Connection: 'close' }),
    })(c, next),
  );

  // Registered before the routes, so it wraps them: after a client's successful delta-sync read, note when it synced.
  for (const feed of syncFeeds) {
    app.use(feed, async (c, next) => {
      await next();
      const user = c.get('user');
      if (user?.via === 'token' && c.res.status === 200) await recordClientSync(db, user.tokenHash);
    });
  }
  const document = openApiDocument();
  app.get('/api/v1/openapi.json', (c) => c.json(document));
  app.route('/api/v1', readRoutes(db, directorySnapshots ?? new DirectorySnapshots(db.background, snapshots)));
  app.route('/api/v1', logRoutes(db));
  app.route('/api/v1', sessionRoutes(db));
  app.route('/api/v1', consoleRoutes(db));
  app.route('/api/v1', matchingRoutes(db));
  app.route('/api/v1/admin', adminRoutes(db));
  app.route('/api/v1/admin', consoleAdminRoutes(db, jobs));
  app.get('/admin', (c) => c.redirect('/admin/', 301));
  app.get('/admin/*', consoleHandler(consoleDir ?? defaultConsoleDir));
  if (demoPagesDir && existsSync(demoPagesDir)) app.get('/demo/*', demoPagesHandler(demoPagesDir));
  if (extensionDir) app.get('/extension/:file', extensionFilesHandler(extensionDir));

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
