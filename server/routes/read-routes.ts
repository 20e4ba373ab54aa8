import { Hono } from 'hono';
import { DIRECTORY_SNAPSHOT_TYPE, SyncQuery, type Me, type OffersPage, type OrganizationsPage } from '../../utils/api';
import type { Database } from '../db/database';
import { anyRole, requireRole, staffRoles, type AppEnv } from '../http/auth';
import { matchesEtag } from '../http/cache-control';
import { parseQuery } from '../http/parse-input';
import { ApiProblem } from '../http/problem';
import { getCompany } from '../store/company';
import { offersPage } from '../store/offers';
import { organizationsPage } from '../store/organizations';
import { DirectoryPageCache } from '../sync/directory-page-cache';
import { DirectorySnapshots, encodedBody } from '../sync/directory-snapshot';
import { APP_VERSION } from '../version';

/** Health, identity, the three delta-sync feeds and the directory snapshot that starts a client's directory. */
export function readRoutes(db: Database, snapshots = new DirectorySnapshots(db.background)) {
  // Directory pages are bulk reads: a first sync is a hundred of them (see Database.background).
  const directoryPages = new DirectoryPageCache(db.background);
  return new Hono<AppEnv>()
    .get('/health', async (c) => {
      await db.query('SELECT 1');
      return c.json({ status: 'ok', database: db.kind, version: APP_VERSION });
    })
    .get('/me', requireRole(db, ...anyRole), async (c) => {
      const company = await getCompany(db);
      if (!company) {
        throw new ApiProblem(503, 'company_not_configured', 'An admin must set the company names first (PUT /api/v1/admin/company).');
      }
      const user = c.get('user');
      const details = { email: user.email, phone: user.phone, alumnusId: user.alumnusId };
      const known = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
      return c.json({ user: { name: user.name, role: user.role, ...known }, company } satisfies Me);
    })
    .get('/directory', requireRole(db, ...staffRoles), async (c) => {
      const { since, limit } = parseQuery(c, SyncQuery);
      // Serialised once for every client walking the same cursors (server/sync/directory-page-cache.ts).
      return c.body(await directoryPages.page(c.get('user').role, since, limit), 200, { 'Content-Type': 'application/json' });
    })
    .get('/directory/snapshot', requireRole(db, ...staffRoles), async (c) => {
      const snapshot = await snapshots.current(c.get('user').role);
      // Cacheable on purpose, but only by the user's own client and only after revalidating: it is personal data,
      // and an unchanged snapshot costs a 304.
      c.header('ETag', snapshot.etag);
      c.header('Cache-Control', 'private, no-cache');
      c.header('Vary', 'Authorization, Accept-Encoding');
      if (matchesEtag(c.req.header('if-none-match'), snapshot.etag)) return c.body(null, 304);
      const { body, encoding } = await encodedBody(snapshot, c.req.header('accept-encoding'));
      if (encoding) c.header('Content-Encoding', encoding);
      c.header('Content-Type', `${DIRECTORY_SNAPSHOT_TYPE}; charset=utf-8`);
      // zlib's Buffers sit on plain (never shared) ArrayBuffers.
      return c.body(body as Uint8Array<ArrayBuffer>);
    })
    .get('/organizations', requireRole(db, ...anyRole), async (c) => {
      const { since, limit } = parseQuery(c, SyncQuery);
      return c.json((await organizationsPage(db, c.get('user').role, since, limit)) satisfies OrganizationsPage);
    })
    .get('/offers', requireRole(db, ...anyRole), async (c) => {
      const { since, limit } = parseQuery(c, SyncQuery);
      return c.json((await offersPage(db, c.get('user').role, since, limit)) satisfies OffersPage);
    });
}
