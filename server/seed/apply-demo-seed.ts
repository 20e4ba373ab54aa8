import { OfferInput, OrganizationInput } from '../../utils/api';
import { ApiProblem } from '../http/problem';
import { applyMeetingEvent, createMeeting } from '../store/meetings';
import { getShowcase, putShowcase } from '../store/showcases';
import { suggestOffer } from '../store/suggestions';
import { lockSyncedWrites, type Database } from '../db/database';
import { AlumnusRecord, upsertAlumni } from '../store/alumni';
import { getCompany, setCompany } from '../store/company';
import { ensureToken } from '../store/tokens';
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
}

/**
 * Showcases, suggestions and meetings, each only if missing. One whose alumnus or offer is gone (erased
 * or closed through the API meanwhile) is skipped, never a reason to refuse to start.
 */
async function applyDemoMatching(db: Database): Promise<void> {
  const skipGone = (error: unknown) => {
    if (!(error instanceof ApiProblem)) throw error;
  };
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
    } catch (error) {
      skipGone(error);
    }
  }
}
