import { Hono } from 'hono';
import type { Interest } from '../../utils/api';
import { AlumniSearchQuery, ClientStatusInput, type AlumnusDetail } from '../../utils/api/console';
import { alumniFacets, searchAlumni } from '../console/alumni-search';
import { overview } from '../console/overview';
import type { Database } from '../db/database';
import { anyRole, requireRole, staffRoles, type AppEnv } from '../http/auth';
import type { ApiUser } from '../store/tokens';
import { parseJsonBody, parseQuery } from '../http/parse-input';
import { notFound } from '../http/problem';
import { present } from '../store/alumni';
import { listIntroductions } from '../store/introductions';
import { listVisibleMeetings } from '../store/meetings-feed';
import { findOffer } from '../store/offers';
import { publishedShowcases } from '../store/showcases';
import { recordClientStatus } from '../store/token-holders';
import { idParam } from './path-params';

/**
 * Admins see every alumnus in the directory; other staff only those the API serves them (consenting). The
 * showcase is there while it is published (as staff see it in the directory); meetings as the viewer may see them.
 */
async function alumnusDetail(db: Database, id: string, viewer: ApiUser): Promise<AlumnusDetail | undefined> {
  const { role } = viewer;
  const [row] = await db.query<{ id: string; record: Record<string, unknown>; updated_at: Date }>(
    `SELECT id, record, updated_at FROM alumni WHERE id = $1 AND deleted_at IS NULL AND ($2 OR recognised)`,
    [id, role === 'admin'],
  );
  if (!row) return undefined;
  const showcase = (await publishedShowcases(db, [id])).get(id);
  const detail: AlumnusDetail = {
    alumnus: { ...present(row, role), ...(showcase && { showcase }) },
    introductions: await listIntroductions(db, id, viewer),
    meetings: await listVisibleMeetings(db, viewer, { alumnusId: id }),
  };
  if (role !== 'admin') return detail;
  const interests = await db.query<{ id: string; body: Record<string, unknown>; submitted_by: string; received_at: Date }>(
    `SELECT i.id, i.body, i.submitted_by, i.received_at FROM interests i JOIN api_tokens t USING (token_hash)
      WHERE t.alumnus_id = $1 ORDER BY i.received_at, i.id`,
    [id],
  );
  return {
    ...detail,
    interests: interests.map((i) => ({ id: i.id, ...(i.body as Omit<Interest, 'id' | 'submittedBy' | 'receivedAt'>), submittedBy: i.submitted_by, receivedAt: i.received_at.toISOString() })),
  };
}

/** What the console reads, for every staff role (each sees what its role may see), and clients' outbox reports. */
export function consoleRoutes(db: Database) {
  return new Hono<AppEnv>()
    .get('/console/overview', requireRole(db, ...staffRoles), async (c) => c.json(await overview(db, c.get('user'))))
    .get('/console/alumni', requireRole(db, ...staffRoles), async (c) => {
      const query = parseQuery(c, AlumniSearchQuery);
      return c.json(await searchAlumni(db, query, c.get('user').role));
    })
    .get('/console/alumni/facets', requireRole(db, ...staffRoles), async (c) => c.json(await alumniFacets(db, c.get('user').role)))
    .get('/console/alumni/:id', requireRole(db, ...staffRoles), async (c) => {
      const id = idParam(c.req.param('id'));
      const detail = await alumnusDetail(db, id, c.get('user'));
      if (!detail) throw notFound(`Alumnus ${id}`);
      return c.json(detail);
    })
    .get('/console/offers/:id/meetings', requireRole(db, ...staffRoles), async (c) => {
      const id = idParam(c.req.param('id'));
      if (!(await findOffer(db, id))) throw notFound(`Offer ${id}`);
      return c.json({ meetings: await listVisibleMeetings(db, c.get('user'), { offerId: id }) });
    })
    .post('/clients/status', requireRole(db, ...anyRole), async (c) => {
      const { outbox } = await parseJsonBody(c, ClientStatusInput);
      await recordClientStatus(db, c.get('user').tokenHash, outbox);
      return c.body(null, 204);
    });
}
