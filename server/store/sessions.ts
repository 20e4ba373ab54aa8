import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../utils/api';
import type { Queryable } from '../db/database';
import type { ApiUser } from './tokens';

export interface SessionLimits {
  /** A session unused for this long is over. */
  idleMinutes: number;
  /** …and any session is over this long after sign-in. */
  maxHours: number;
}

export const defaultSessionLimits: SessionLimits = { idleMinutes: 30, maxHours: 12 };

export interface ConsoleSession {
  user: ApiUser;
  csrfToken: string;
  expiresAt: Date;
}

const hashSessionId = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex');

/** A new session for a token: the random id goes into the cookie, only its hash into the database. */
export async function createSession(db: Queryable, user: ApiUser, limits: SessionLimits): Promise<{ id: string; session: ConsoleSession }> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const [row] = await db.query<{ expires_at: Date }>(
    `INSERT INTO console_sessions (id_hash, token_hash, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at`,
    [hashSessionId(id), user.tokenHash, csrfToken, limits.maxHours],
  );
  return { id, session: { user, csrfToken, expiresAt: row.expires_at } };
}

/**
 * The live session behind a cookie, or undefined when it is unknown, past its end, idle too long, or its token
 * was revoked (the row went with it). Being used keeps it alive, at most one write a minute.
 */
export async function findSession(db: Queryable, id: string, limits: SessionLimits): Promise<ConsoleSession | undefined> {
  const idHash = hashSessionId(id);
  const [row] = await db.query<{
    name: string;
    role: Role;
    token_hash: string;
    email: string | null;
    phone: string | null;
    alumnus_id: string | null;
    csrf_token: string;
    expires_at: Date;
    stale: boolean;
  }>(
    `SELECT t.name, t.role, t.token_hash, t.email, t.phone, t.alumnus_id, s.csrf_token, s.expires_at,
            s.last_seen_at < now() - interval '1 minute' AS stale
       FROM console_sessions s JOIN api_tokens t USING (token_hash)
      WHERE s.id_hash = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)`,
    [idHash, limits.idleMinutes],
  );
  if (!row) return undefined;
  if (row.stale) await db.query('UPDATE console_sessions SET last_seen_at = now() WHERE id_hash = $1', [idHash]);
  // The whole token holder, as a bearer token would give it: meeting visibility matches staff by e-mail first.
  const user: ApiUser = {
    name: row.name,
    role: row.role,
    tokenHash: row.token_hash,
    ...(row.email !== null && { email: row.email }),
    ...(row.phone !== null && { phone: row.phone }),
    ...(row.alumnus_id !== null && { alumnusId: row.alumnus_id }),
  };
  return { user, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export async function deleteSession(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM console_sessions WHERE id_hash = $1 OR expires_at < now()', [hashSessionId(id)]);
}
