import { OfferInput, OrganizationInput, type MeetingEventInput } from '../../utils/api';
import { applyMeetingEvent, createMeeting } from '../store/meetings';
import { getShowcase, putShowcase } from '../store/showcases';
import { suggestOffer } from '../store/suggestions';
import { lockSyncedWrites, type Database } from '../db/database';
import { AlumnusRecord, upsertAlumni } from '../store/alumni';
import { getCompany, setCompany } from '../store/company';
import { ensureToken } from '../store/tokens';
import { applyDemoActivity } from './apply-demo-activity';
import { skipGone } from './skip-gone';
import { demoAlumni, demoCompany, demoOffers, demoOrganizations, demoTokens } from './demo-data';
import { demoMeetings, demoShowcases, demoSuggestions } from './demo-matching';

/**
 * Loads the demo company. Only what is missing is added, so restarting with the seed neither duplicates
 * records nor undoes what was changed through the API meanwhile (a closed offer stays closed).
 */
export async function applyDemoSeed(db: Database): Promise<void> {
  const alumni = demoAlumni.map((alumnus) => AlumnusRecord.parse(alumnus));
  const organizations = demoOrganizations.map((organization) => OrganizationInput.parse(organization));
  const offers = demoOffers.map(({ id, ...offer }) => ({ id, record: OfferInput.parse(offer) }));
  await db.transaction(async (tx) => {
    if (!(await getCompany(tx))) await setCompany(tx, demoCompany);
    // The demo alumnus's own token is theirs (alumnusId): erasing 山田 太郎 ends it and removes his interests.
    for (const { token, role, name, ...details } of demoTokens) await ensureToken(tx, token, role, name, details);
    await lockSyncedWrites(tx);
    const known = new Set((await tx.query<{ id: string }>('SELECT id FROM alumni')).map((row) => row.id));
    await upsertAlumni(tx, alumni.filter((alumnus) => !known.has(alumnus.id)));
    for (const { id, ...record } of organizations) {
      await tx.query('INSERT INTO organizations (id, record) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING', [id, JSON.stringify(record)]);
    }
    for (const { id, record } of offers) {
      await tx.query('INSERT INTO offers (id, record) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING', [id, JSON.stringify(record)]);
    }
  });
  await applyDemoMatching(db);
  await applyDemoActivity(db, Date.now());
}

const hour = 3_600_000;

/**
 * Seeded meetings took place over the weeks before their times, not at the moment the seed ran: the request
 * three weeks before the first proposed time, each answer two days later, the outcome the evening after the
 * meeting; never later than now.
 */
async function backdateMeeting(db: Database, id: string, proposedTimes: string[], steps: MeetingEventInput[]): Promise<void> {
  const now = Date.now();
  let at = Math.min(now - hour, Math.min(...proposedTimes.map(Date.parse)) - 21 * 24 * hour);
  await db.query('UPDATE meetings SET received_at = $2 WHERE id = $1', [id, new Date(at)]);
  const scheduled = steps.find((step) => step.type === 'accept')?.time;
  for (const step of steps) {
    const answered = step.type === 'held' && scheduled ? Date.parse(scheduled) + 8 * hour : at + 48 * hour;
    at = Math.min(now - hour, Math.max(at, answered));
    await db.query('UPDATE meeting_events SET received_at = $2 WHERE id = $1', [step.id, new Date(at)]);
  }
  await db.query('UPDATE meetings SET updated_at = $2 WHERE id = $1', [id, new Date(at)]);
}

/**
 * Showcases, suggestions and meetings, each only if missing. One whose alumnus or offer is gone (erased
 * or closed through the API meanwhile) is skipped, never a reason to refuse to start.
 */
async function applyDemoMatching(db: Database): Promise<void> {
  for (const { alumnusId, showcase } of demoShowcases) {
    if (!(await getShowcase(db, alumnusId))) await putShowcase(db, alumnusId, showcase).catch(skipGone);
  }
  for (const { by, input } of demoSuggestions) {
    if ((await db.query('SELECT 1 FROM suggestions WHERE id = $1', [input.id])).length === 0) await suggestOffer(db, input, by).catch(skipGone);
  }
  for (const { by, input, steps } of demoMeetings) {
    if ((await db.query('SELECT 1 FROM meetings WHERE id = $1', [input.id])).length > 0) continue;
    try {
      await createMeeting(db, input, by);
      for (const step of steps) await applyMeetingEvent(db, input.id, step.event, step.by);
      await backdateMeeting(db, input.id, input.proposedTimes, steps.map((step) => step.event));
    } catch (error) {
      skipGone(error);
    }
  }
}
