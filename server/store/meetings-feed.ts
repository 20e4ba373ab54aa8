import type { BusinessCard, Meeting, MeetingHistoryEntry, MeetingInput, MeetingPart, MeetingSide, MeetingStep } from '../../utils/api';
import { awaitingSide, type MeetingState } from '../../utils/meetings/machine';
import type { Queryable } from '../db/database';
import { decodeCursor, encodeCursor, type SyncPosition } from '../sync/cursor';
import { cursorKey } from '../sync/cursor-key';
import type { ApiUser } from './tokens';

// Who sees a meeting, and the meeting as its viewer sees it. A meeting is visible to its alumnus, to the staff
// member who created it, to the contact of the offer it is about, to the alumnus's relationship owner (both as
// they are now), and to admins; to nobody else. Staff are matched by e-mail, else by name (same_staff_person,
// migration 010).

export interface MeetingRow {
  id: string;
  alumnus_id: string;
  offer_id: string | null;
  body: Omit<MeetingInput, 'id'>;
  token_hash: string;
  created_by_side: MeetingSide;
  created_by_name: string;
  created_by_email: string | null;
  alumnus_name: string;
  offer_title: string | null;
  state: MeetingState;
  staff_card: BusinessCard | null;
  cards: { alumnus: BusinessCard; staff: BusinessCard } | null;
  seq: number;
  received_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

type ViewedRow = MeetingRow & { is_alumnus: boolean; is_creator: boolean; is_contact: boolean; is_owner: boolean };

interface EventRow {
  id: string;
  meeting_id: string;
  body: MeetingStep;
  actor_side: MeetingSide;
  actor_name: string;
  received_at: Date;
}

/**
 * The meetings with the viewer's flags: $1/$2 are a staff viewer's name and e-mail, $3 an alumnus viewer's
 * own id (the others null).
 */
const viewedSql = `
  SELECT m.*,
    coalesce(m.alumnus_id = $3::text, false) AS is_alumnus,
    (m.created_by_side = 'staff' AND coalesce(same_staff_person(m.created_by_name, m.created_by_email, $1::text, $2::text), false)) AS is_creator,
    coalesce(same_staff_person(o.record #>> '{contact,name}', o.record #>> '{contact,email}', $1::text, $2::text), false) AS is_contact,
    coalesce(same_staff_person(a.record #>> '{relationshipOwner,name}', a.record #>> '{relationshipOwner,email}', $1::text, $2::text), false) AS is_owner
  FROM meetings m LEFT JOIN offers o ON o.id = m.offer_id LEFT JOIN alumni a ON a.id = m.alumnus_id`;

/** SQL (over viewedSql's columns) deciding whether the viewer sees a live meeting. */
function visibleSql(user: ApiUser): string {
  if (user.role === 'admin') return 'true';
  if (user.role === 'alumni') return 'is_alumnus';
  return '(is_creator OR is_contact OR is_owner)';
}

/**
 * Erased meetings reach clients as `removed` ids: an alumnus's own, and every staff client (an id says nothing
 * once the meeting is erased; staff who held it must drop it).
 */
function tombstoneSql(user: ApiUser): string {
  return user.role === 'alumni' ? 'is_alumnus' : 'true';
}

function viewerParams(user: ApiUser): [string | null, string | null, string | null] {
  return user.role === 'alumni' ? [null, null, user.alumnusId ?? null] : [user.name, user.email ?? null, null];
}

/** One meeting the viewer may see (live), with its flags; undefined when it does not exist for them. */
export async function findVisibleMeeting(db: Queryable, user: ApiUser, id: string): Promise<Meeting | undefined> {
  const rows = await db.query<ViewedRow>(
    `SELECT * FROM (${viewedSql} WHERE m.id = $4::uuid AND m.deleted_at IS NULL) viewed WHERE ${visibleSql(user)}`,
    [...viewerParams(user), id],
  );
  return (await presentAll(db, rows, user))[0];
}

/**
 * The live meetings `user` may see, as SQL over viewedSql's columns (id, alumnus_id, offer_id, state, …) with
 * its first three parameters; callers add their own conditions from $4 on. The console counts and lists with it.
 */
export function visibleMeetingsSql(user: ApiUser): { sql: string; params: unknown[] } {
  return { sql: `SELECT * FROM (${viewedSql} WHERE m.deleted_at IS NULL) viewed WHERE ${visibleSql(user)}`, params: viewerParams(user) };
}

/** The meetings with one alumnus, or about one offer, that `user` may see; the newest first. */
export async function listVisibleMeetings(db: Queryable, user: ApiUser, filter: { alumnusId: string } | { offerId: string }): Promise<Meeting[]> {
  const { sql, params } = visibleMeetingsSql(user);
  const [column, value] = 'alumnusId' in filter ? ['alumnus_id', filter.alumnusId] : ['offer_id', filter.offerId];
  const rows = await db.query<ViewedRow>(`SELECT * FROM (${sql}) visible WHERE ${column} = $4::text ORDER BY received_at DESC, id`, [...params, value]);
  return presentAll(db, rows, user);
}

/** A delta-sync page of the meetings the viewer sees, like the directory's (see server/sync/delta-page.ts). */
export async function meetingsPage(db: Queryable, user: ApiUser, since: string | undefined, limit: number) {
  const key = await cursorKey(db);
  let position: SyncPosition;
  if (since === undefined) {
    const [top] = await db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM meetings');
    position = { seq: 0, snapshot: top?.seq ?? 0 };
  } else {
    position = decodeCursor(since, 'meetings', key);
  }
  const rows = await db.query<ViewedRow>(
    `SELECT * FROM (${viewedSql} WHERE m.seq > $4::bigint) viewed
      WHERE CASE WHEN deleted_at IS NULL THEN ${visibleSql(user)} ELSE seq > $5::bigint AND ${tombstoneSql(user)} END
      ORDER BY seq LIMIT $6::int`,
    [...viewerParams(user), position.seq, position.snapshot ?? 0, limit + 1],
  );
  const complete = rows.length <= limit;
  const page = rows.slice(0, limit);
  const last = Math.max(Number(page.at(-1)?.seq ?? position.seq), complete ? (position.snapshot ?? 0) : 0);
  return {
    meetings: await presentAll(db, page.filter((row) => row.deleted_at === null), user),
    removed: page.filter((row) => row.deleted_at !== null).map((row) => row.id),
    cursor: encodeCursor({ seq: last, snapshot: position.snapshot }, 'meetings', key),
    complete,
  };
}

/** How many meetings are in each state, and how held ones ended: the programme's funnel (for the console). */
export async function meetingFunnel(db: Queryable) {
  const rows = await db.query<{ status: string; outcome: string | null; count: number }>(
    `SELECT state ->> 'status' AS status, state ->> 'outcome' AS outcome, count(*)::int AS count
       FROM meetings WHERE deleted_at IS NULL GROUP BY 1, 2`,
  );
  const funnel = { requested: 0, accepted: 0, declined: 0, cancelled: 0, held: 0, outcomes: { deal: 0, 'follow-up': 0, 'no-deal': 0 } };
  for (const { status, outcome, count } of rows) {
    if (Object.hasOwn(funnel, status) && status !== 'outcomes') funnel[status as 'requested'] += count;
    if (status === 'held' && outcome && Object.hasOwn(funnel.outcomes, outcome)) funnel.outcomes[outcome as 'deal'] += count;
  }
  return funnel;
}

async function presentAll(db: Queryable, rows: ViewedRow[], user: ApiUser): Promise<Meeting[]> {
  if (rows.length === 0) return [];
  const events = await db.query<EventRow>(
    'SELECT * FROM meeting_events WHERE meeting_id = ANY($1::uuid[]) ORDER BY meeting_id, position',
    [rows.map((row) => row.id)],
  );
  const byMeeting = new Map<string, EventRow[]>();
  for (const event of events) byMeeting.set(event.meeting_id, [...(byMeeting.get(event.meeting_id) ?? []), event]);
  return rows.map((row) => present(row, byMeeting.get(row.id) ?? [], user));
}

function present(row: ViewedRow, events: EventRow[], user: ApiUser): Meeting {
  const { state } = row;
  const awaiting = awaitingSide(state);
  return {
    id: row.id,
    alumnusId: row.alumnus_id,
    alumnusName: row.alumnus_name,
    ...(row.offer_id !== null && { offerId: row.offer_id }),
    ...(row.offer_title !== null && { offerTitle: row.offer_title }),
    requestedBy: { side: row.created_by_side, name: row.created_by_name },
    status: state.status,
    ...(awaiting && { awaiting }),
    proposedTimes: state.proposedTimes,
    ...(state.scheduledAt && { scheduledAt: state.scheduledAt }),
    ...(state.outcome && { outcome: state.outcome }),
    ...(row.cards && { cards: row.cards }),
    history: [requestEntry(row), ...events.map(eventEntry)],
    yourPart: partsOf(row, user),
    createdAt: row.received_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function partsOf(row: ViewedRow, user: ApiUser): MeetingPart[] {
  if (user.role === 'alumni') return ['alumnus'];
  const parts: MeetingPart[] = [];
  if (row.is_creator) parts.push('creator');
  if (row.is_contact) parts.push('contact');
  if (row.is_owner) parts.push('owner');
  if (user.role === 'admin') parts.push('admin');
  return parts;
}

function requestEntry(row: MeetingRow): MeetingHistoryEntry {
  return {
    id: row.id,
    type: 'request',
    side: row.created_by_side,
    by: row.created_by_name,
    at: row.received_at.toISOString(),
    times: row.body.proposedTimes,
    ...(row.body.message && { text: row.body.message }),
  };
}

function eventEntry(event: EventRow): MeetingHistoryEntry {
  const step = event.body;
  const text = step.type === 'propose-times' ? step.message : step.type === 'held' ? step.note : step.type === 'accept' ? undefined : step.reason;
  return {
    id: event.id,
    type: step.type,
    side: event.actor_side,
    by: event.actor_name,
    at: event.received_at.toISOString(),
    ...(step.type === 'accept' && { times: [step.time] }),
    ...(step.type === 'propose-times' && { times: step.times }),
    ...(step.type === 'held' && { outcome: step.outcome }),
    ...(text && { text }),
  };
}
