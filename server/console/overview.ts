import type { Overview } from '../../utils/api/console';
import type { Database } from '../db/database';
import type { ApiUser } from '../store/tokens';
import { refreshAlumniSearch } from './alumni-search';
import { meetingFunnelFor, meetingsPerOffer } from './meeting-figures';

const months = 12;
const freshnessDays = 14;

/**
 * The figures behind the console's charts. Recruiters and sales see what their role may see anyway (consenting
 * alumni, introductions, offers, the meetings they take part in); consent rates, showcase publication, interests
 * and client freshness are the programme's own (admins).
 */
export async function overview(db: Database, viewer: ApiUser): Promise<Overview> {
  await refreshAlumniSearch(db);
  const admin = viewer.role === 'admin';
  const visible = admin ? 'true' : 's.recognition';
  const introductionsByMonth = await db.query<Overview['introductionsByMonth'][number]>(
    `SELECT to_char(date_trunc('month', (body ->> 'occurredAt')::timestamptz), 'YYYY-MM') AS month, body ->> 'kind' AS kind, count(*)::int AS count
       FROM introductions
      WHERE (body ->> 'occurredAt')::timestamptz >= date_trunc('month', now()) - make_interval(months => $1)
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [months - 1],
  );
  const offers = await db.query<{ id: string; title: string; kind: Overview['offers'][number]['kind']; status: 'open' | 'closed'; interests: number }>(
    `SELECT o.id, o.record ->> 'title' AS title, o.record ->> 'kind' AS kind, o.record ->> 'status' AS status,
            (SELECT count(*)::int FROM interests i WHERE i.offer_id = o.id) AS interests
       FROM offers o ORDER BY o.record ->> 'status' DESC, o.updated_at DESC`,
  );
  const employers = await db.query<{ name: string; count: number }>(
    `SELECT min(s.employer) AS name, count(*)::int AS count FROM alumni_search s
      WHERE ${visible} AND s.employer_key IS NOT NULL GROUP BY s.employer_key ORDER BY 2 DESC, 1 LIMIT 20`,
  );
  const cohorts = await db.query<{ department: string; year: number; count: number }>(
    `SELECT coalesce(s.last_department, '') AS department, s.left_year AS year, count(*)::int AS count FROM alumni_search s
      WHERE ${visible} AND s.left_year IS NOT NULL GROUP BY 1, 2 ORDER BY 2, 1`,
  );
  const meetingsByOffer = await meetingsPerOffer(db, viewer);
  const result: Overview = {
    introductionsByMonth,
    offers: offers.map(({ interests, ...offer }) => ({ ...offer, ...(admin ? { interests } : {}), meetings: meetingsByOffer.get(offer.id) ?? 0 })),
    meetings: await meetingFunnelFor(db, viewer),
    employers,
    cohorts,
  };
  if (!admin) return result;

  const [consent] = await db.query<NonNullable<Overview['consent']>>(
    `SELECT count(*)::int AS alumni, count(*) FILTER (WHERE recognition)::int AS recognition, count(*) FILTER (WHERE offers)::int AS offers
       FROM alumni_search`,
  );
  // Clients are bearer tokens that synced; console sessions never count.
  const clientsByDay = await db.query<{ day: string; count: number }>(
    `SELECT to_char(last_synced_at, 'YYYY-MM-DD') AS day, count(*)::int AS count FROM api_tokens
      WHERE last_synced_at >= current_date - make_interval(days => $1) GROUP BY 1 ORDER BY 1`,
    [freshnessDays - 1],
  );
  const [{ never }] = await db.query<{ never: number }>('SELECT count(*)::int AS never FROM api_tokens WHERE last_synced_at IS NULL');
  const [outbox] = await db.query<NonNullable<Overview['freshness']>['outbox']>(
    `SELECT count(*)::int AS "clientsReporting", count(*) FILTER (WHERE outbox_failed > 0)::int AS "clientsWithFailures",
            coalesce(sum(outbox_failed), 0)::int AS failed, coalesce(sum(outbox_pending), 0)::int AS pending
       FROM client_status`,
  );
  // Showcases of alumni still in the directory (erasure deletes theirs; this keeps the count honest regardless).
  const [showcases] = await db.query<NonNullable<Overview['showcases']>>(
    `SELECT count(*) FILTER (WHERE s.published)::int AS published, count(*) FILTER (WHERE NOT s.published)::int AS unpublished
       FROM showcases s JOIN alumni a ON a.id = s.alumnus_id WHERE a.deleted_at IS NULL`,
  );
  return { ...result, consent, showcases, freshness: { clientsByDay, neverSynced: never, outbox } };
}
