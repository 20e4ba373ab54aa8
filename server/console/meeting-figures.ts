import type { MeetingFunnel } from '../../utils/api/console';
import type { Queryable } from '../db/database';
import { visibleMeetingsSql } from '../store/meetings-feed';
import type { ApiUser } from '../store/tokens';

/**
 * The meetings funnel over the meetings `viewer` may see (admins: all; other staff: theirs, as issue 9's
 * visibility rules say). A stage counts every meeting that reached it: acceptance is read from the steps, since
 * a meeting accepted and then cancelled, or sent back with new times, no longer says so in its state.
 */
export async function meetingFunnelFor(db: Queryable, viewer: ApiUser): Promise<MeetingFunnel> {
  const { sql, params } = visibleMeetingsSql(viewer);
  const [funnel] = await db.query<MeetingFunnel>(
    `SELECT count(*)::int AS requested,
            count(*) FILTER (WHERE state ->> 'status' IN ('accepted', 'held')
                             OR EXISTS (SELECT 1 FROM meeting_events e WHERE e.meeting_id = v.id AND e.body ->> 'type' = 'accept'))::int AS accepted,
            count(*) FILTER (WHERE state ->> 'status' = 'held')::int AS held,
            count(*) FILTER (WHERE state ->> 'outcome' = 'deal')::int AS deal,
            count(*) FILTER (WHERE state ->> 'outcome' = 'follow-up')::int AS "followUp",
            count(*) FILTER (WHERE state ->> 'outcome' = 'no-deal')::int AS "noDeal",
            count(*) FILTER (WHERE state ->> 'status' = 'requested')::int AS "awaitingAnswer",
            count(*) FILTER (WHERE state ->> 'status' = 'declined')::int AS declined,
            count(*) FILTER (WHERE state ->> 'status' = 'cancelled')::int AS cancelled
       FROM (${sql}) v`,
    params,
  );
  return funnel;
}

/** How many meetings `viewer` may see about each offer, by offer id. */
export async function meetingsPerOffer(db: Queryable, viewer: ApiUser): Promise<Map<string, number>> {
  const { sql, params } = visibleMeetingsSql(viewer);
  const rows = await db.query<{ offer_id: string; count: number }>(
    `SELECT offer_id, count(*)::int AS count FROM (${sql}) v WHERE offer_id IS NOT NULL GROUP BY offer_id`,
    params,
  );
  return new Map(rows.map((row) => [row.offer_id, row.count]));
}
