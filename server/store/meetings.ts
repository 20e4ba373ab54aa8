import type { Alumnus, BusinessCard, Meeting, MeetingEventInput, MeetingInput, MeetingSide } from '../../utils/api';
import { initialMeetingState, nextMeetingState } from '../../utils/meetings/machine';
import { lockSyncedWrites, type Database, type Queryable } from '../db/database';
import { ApiProblem, notFound } from '../http/problem';
import { sameJson } from '../sort-keys';
import { findOwnRecord, findServedAlumnus } from './alumni';
import { getCompany } from './company';
import { findVisibleMeeting, type MeetingRow } from './meetings-feed';
import { getShowcase } from './showcases';
import { requireOffersConsent, requireOpenOffer } from './suggestions';
import type { ApiUser } from './tokens';

export { findVisibleMeeting, meetingFunnel, meetingsPage } from './meetings-feed';

const sideOf = (user: ApiUser): MeetingSide => (user.role === 'alumni' ? 'alumnus' : 'staff');

const idConflict = (what: string, id: string) =>
  new ApiProblem(409, 'id_conflict', `A different ${what} with id ${id} already exists; make a new id for a new one.`);

function missingField(path: string, message: string): ApiProblem {
  return new ApiProblem(400, 'invalid_request', 'The request body does not match the API contract.', [{ path: [path], message }]);
}

/** The meeting as the caller sees it right after writing it (they can always see what they just did). */
async function visibleNow(db: Queryable, user: ApiUser, id: string): Promise<Meeting> {
  const meeting = await findVisibleMeeting(db, user, id);
  if (!meeting) throw notFound(`Meeting ${id}`);
  return meeting;
}

/** Who the meeting is with: an alumnus asks for themselves; staff name an alumnus who agreed to offers. */
async function meetingAlumnus(db: Queryable, input: MeetingInput, user: ApiUser): Promise<Alumnus> {
  if (user.role === 'alumni') {
    if (!user.alumnusId) {
      throw new ApiProblem(409, 'token_not_linked', 'This alumni token is not linked to an alumnus record; ask the alumni office for a new one.');
    }
    if (input.alumnusId !== undefined && input.alumnusId !== user.alumnusId) {
      throw new ApiProblem(403, 'forbidden', 'An alumnus requests meetings for themselves only.');
    }
    if (input.offerId === undefined) throw missingField('offerId', 'an alumnus asks for a meeting about an offer');
    const own = await findOwnRecord(db, user.alumnusId);
    if (!own) throw notFound(`Alumnus ${user.alumnusId}`);
    return own;
  }
  if (input.alumnusId === undefined) throw missingField('alumnusId', 'staff propose a meeting to a named alumnus');
  const alumnus = await findServedAlumnus(db, input.alumnusId, user.role);
  if (!alumnus) throw notFound(`Alumnus ${input.alumnusId}`);
  requireOffersConsent(alumnus);
  return alumnus;
}

/** A staff member's business card: their name, the company, and the contact details on their token. */
async function staffCard(db: Queryable, user: ApiUser): Promise<BusinessCard> {
  const company = await getCompany(db);
  return {
    name: user.name,
    ...(company && { organization: company.name }),
    ...(user.email && { email: user.email }),
    ...(user.phone && { phone: user.phone }),
  };
}

/** An alumnus's business card: their name and what their showcase shares (published or not: accepting a meeting shares it). */
async function alumnusCard(db: Queryable, alumnusId: string, name: string): Promise<BusinessCard> {
  const showcase = await getShowcase(db, alumnusId);
  if (!showcase) return { name };
  return {
    name,
    organization: showcase.businessName,
    ...(showcase.sharedContact.email && { email: showcase.sharedContact.email }),
    ...(showcase.sharedContact.phone && { phone: showcase.sharedContact.phone }),
    ...(showcase.website && { website: showcase.website }),
  };
}

/**
 * Creates a meeting once per client id: the same id and body from the same user answer the meeting as it is now
 * (`created: false`); anything else with that id is 409. Writes take the synced-writes lock, so concurrent
 * duplicates are serialised and the meetings feed's change numbers follow commit order.
 */
export async function createMeeting(db: Database, input: MeetingInput, user: ApiUser): Promise<{ meeting: Meeting; created: boolean }> {
  const { id, ...body } = input;
  return db.transaction(async (tx) => {
    await lockSyncedWrites(tx);
    const [existing] = await tx.query<MeetingRow>('SELECT * FROM meetings WHERE id = $1', [id]);
    if (existing) {
      if (existing.token_hash !== user.tokenHash || !sameJson(existing.body, body)) throw idConflict('meeting', id);
      return { meeting: await visibleNow(tx, user, id), created: false };
    }
    const alumnus = await meetingAlumnus(tx, input, user);
    const offer = input.offerId === undefined ? undefined : await requireOpenOffer(tx, input.offerId);
    const side = sideOf(user);
    await tx.query(
      `INSERT INTO meetings (id, alumnus_id, offer_id, body, token_hash, created_by_side, created_by_name, created_by_email,
                             alumnus_name, offer_title, state, staff_card)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb)`,
      [
        id,
        alumnus.id,
        offer?.id ?? null,
        JSON.stringify(body),
        user.tokenHash,
        side,
        user.name,
        user.email ?? null,
        alumnus.names.display,
        offer?.title ?? null,
        JSON.stringify(initialMeetingState(side, input.proposedTimes)),
        side === 'staff' ? JSON.stringify(await staffCard(tx, user)) : null,
      ],
    );
    return { meeting: await visibleNow(tx, user, id), created: true };
  });
}

/**
 * Applies one step to a meeting, once per client id. A retry (same id, meeting, body and user) answers the meeting
 * as it is now, even if it moved on since; a step the caller may not see is 404; one that does not fit the
 * meeting's state is 409 with the state machine's reason. Accepting exchanges the two business cards.
 */
export async function applyMeetingEvent(
  db: Database,
  meetingId: string,
  input: MeetingEventInput,
  user: ApiUser,
): Promise<{ meeting: Meeting; created: boolean }> {
  const { id, ...step } = input;
  return db.transaction(async (tx) => {
    await lockSyncedWrites(tx);
    const [previous] = await tx.query<{ meeting_id: string; body: unknown; token_hash: string }>(
      'SELECT meeting_id, body, token_hash FROM meeting_events WHERE id = $1',
      [id],
    );
    if (previous) {
      if (previous.meeting_id !== meetingId || previous.token_hash !== user.tokenHash || !sameJson(previous.body, step)) {
        throw idConflict('meeting step', id);
      }
      return { meeting: await visibleNow(tx, user, meetingId), created: false };
    }
    if (!(await findVisibleMeeting(tx, user, meetingId))) throw notFound(`Meeting ${meetingId}`);
    const [row] = await tx.query<MeetingRow>('SELECT * FROM meetings WHERE id = $1', [meetingId]);
    const side = sideOf(user);
    const result = nextMeetingState(row!.state, step, side);
    if (!result.ok) throw new ApiProblem(409, 'invalid_transition', result.reason);

    let { staff_card: staff, cards } = row!;
    if (side === 'staff' && (step.type === 'accept' || step.type === 'propose-times')) staff = await staffCard(tx, user);
    if (result.state.status === 'accepted' && !cards) {
      cards = { alumnus: await alumnusCard(tx, row!.alumnus_id, row!.alumnus_name), staff: staff ?? (await staffCard(tx, user)) };
    }
    await tx.query(
      `INSERT INTO meeting_events (id, meeting_id, body, token_hash, actor_side, actor_name) VALUES ($1, $2, $3::jsonb, $4, $5, $6)`,
      [id, meetingId, JSON.stringify(step), user.tokenHash, side, user.name],
    );
    await tx.query(
      `UPDATE meetings SET state = $2::jsonb, staff_card = $3::jsonb, cards = $4::jsonb, seq = nextval('change_seq'), updated_at = now()
        WHERE id = $1`,
      [meetingId, JSON.stringify(result.state), staff ? JSON.stringify(staff) : null, cards ? JSON.stringify(cards) : null],
    );
    return { meeting: await visibleNow(tx, user, meetingId), created: true };
  });
}
