import { Hono } from 'hono';
import { SyncQuery, type DirectoryPage, type Me, type OffersPage, type OrganizationsPage } from '../../utils/api';
import type { Database } from '../db/database';
import { anyRole, requireRole, staffRoles, type AppEnv } from '../http/auth';
import { parseQuery } from '../http/parse-input';
import { ApiProblem } from '../http/problem';
import { directoryPage } from '../store/alumni';
import { getCompany } from '../store/company';
import { offersPage } from '../store/offers';
import { organizationsPage } from '../store/organizations';
import { APP_VERSION } from '../version';

/** Health, identity and the three delta-sync feeds. */
export function readRoutes(db: Database) {
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
      return c.json((await directoryPage(db, c.get('user').role, since, limit)) satisfies DirectoryPage);
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
