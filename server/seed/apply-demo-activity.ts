import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import { registerInterest } from '../store/interests';
import { logIntroduction } from '../store/introductions';
import { ensureToken, hashToken, type ApiUser } from '../store/tokens';
import { skipGone } from './skip-gone';
import { demoInterests, demoIntroductions } from './demo-activity';

const hour = 3_600_000;

/**
 * The alumnus's own token, for the interests they send: an existing one, else a new one whose secret nobody
 * keeps (a token the alumni office handed out). Erasing the alumnus revokes it and removes what was sent with it.
 */
async function alumnusUser(db: Database, alumnusId: string, now: number): Promise<ApiUser | undefined> {
  const [alumnus] = await db.query<{ name: string }>(`SELECT record #>> '{names,display}' AS name FROM alumni WHERE id = $1 AND deleted_at IS NULL`, [alumnusId]);
  if (!alumnus) return undefined;
  const [existing] = await db.query<{ token_hash: string }>(`SELECT token_hash FROM api_tokens WHERE alumnus_id = $1 AND role = 'alumni' LIMIT 1`, [alumnusId]);
  if (existing) return { name: alumnus.name, role: 'alumni', alumnusId, tokenHash: existing.token_hash };
  const token = randomBytes(32).toString('base64url');
  await ensureToken(db, token, 'alumni', alumnus.name, { alumnusId });
  // Their extension synced lately (the freshness chart shows it), a day or more before the seed ran.
  const synced = new Date(now - (1 + (alumnusId.charCodeAt(alumnusId.length - 1) % 10)) * 24 * hour);
  await db.query('UPDATE api_tokens SET last_synced_at = $2 WHERE token_hash = $1', [hashToken(token), synced]);
  return { name: alumnus.name, role: 'alumni', alumnusId, tokenHash: hashToken(token) };
}

/** A year of introductions and interests (demo-activity.ts), each only if missing, received when it happened. */
export async function applyDemoActivity(db: Database, now: number): Promise<void> {
  for (const { by, input } of demoIntroductions(now)) {
    if ((await db.query('SELECT 1 FROM introductions WHERE id = $1', [input.id])).length > 0) continue;
    try {
      await logIntroduction(db, input, by);
      await db.query('UPDATE introductions SET received_at = $2 WHERE id = $1', [input.id, new Date(Date.parse(input.occurredAt) + 5 * 60_000)]);
    } catch (error) {
      skipGone(error);
    }
  }
  for (const { alumnusId, receivedAt, ...input } of demoInterests(now)) {
    if ((await db.query('SELECT 1 FROM interests WHERE id = $1', [input.id])).length > 0) continue;
    const user = await alumnusUser(db, alumnusId, now);
    if (!user) continue;
    try {
      await registerInterest(db, input, user);
      await db.query('UPDATE interests SET received_at = $2 WHERE id = $1', [input.id, new Date(receivedAt)]);
    } catch (error) {
      skipGone(error);
    }
  }
}
