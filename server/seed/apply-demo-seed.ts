import { OfferInput, OrganizationInput } from '../../utils/api';
import { lockSyncedWrites, type Database } from '../db/database';
import { AlumnusRecord, upsertAlumni } from '../store/alumni';
import { getCompany, setCompany } from '../store/company';
import { ensureToken, hashToken } from '../store/tokens';
import { demoAlumni, demoCompany, demoIds, demoOffers, demoOrganizations, demoTokens } from './demo-data';

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
    for (const { token, role, name } of demoTokens) await ensureToken(tx, token, role, name);
    // The demo alumnus's own token is theirs: erasing 山田 太郎 ends it and removes his interests.
    await tx.query('UPDATE api_tokens SET alumnus_id = $1 WHERE token_hash = $2 AND alumnus_id IS NULL', [
      demoIds.taroYamada,
      hashToken(demoTokens.find((t) => t.role === 'alumni')!.token),
    ]);
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
}
