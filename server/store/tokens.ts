import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../utils/api';
import type { Queryable } from '../db/database';

export interface ApiUser {
  name: string;
  role: Role;
  tokenHash: string;
  /** Alumni tokens: the directory record they belong to. */
  alumnusId?: string;
  /** Staff tokens: contact details for the business card exchanged in an accepted meeting. */
  email?: string;
  phone?: string;
}

/** Who else a token identifies, beyond name and role (all optional; see migration 010). */
export interface TokenDetails {
  alumnusId?: string;
  email?: string;
  phone?: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random bearer token; only its hash is stored, so the caller must show it now or never. */
export async function createToken(db: Queryable, role: Role, name: string, details: TokenDetails = {}): Promise<string> {
  const token = `al_${randomBytes(32).toString('base64url')}`;
  await db.query('INSERT INTO api_tokens (token_hash, name, role, alumnus_id, email, phone) VALUES ($1, $2, $3, $4, $5, $6)', [
    hashToken(token),
    name,
    role,
    details.alumnusId ?? null,
    details.email ?? null,
    details.phone ?? null,
  ]);
  return token;
}

/**
 * Stores a token whose value is fixed in advance (the demo tokens); re-running changes nothing, except that
 * details a data folder from before migration 010 lacks are filled in.
 */
export async function ensureToken(db: Queryable, token: string, role: Role, name: string, details: TokenDetails = {}): Promise<void> {
  await db.query(
    `INSERT INTO api_tokens (token_hash, name, role, alumnus_id, email, phone) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (token_hash) DO UPDATE SET
       alumnus_id = coalesce(api_tokens.alumnus_id, EXCLUDED.alumnus_id),
       email = coalesce(api_tokens.email, EXCLUDED.email),
       phone = coalesce(api_tokens.phone, EXCLUDED.phone)`,
    [hashToken(token), name, role, details.alumnusId ?? null, details.email ?? null, details.phone ?? null],
  );
}

export async function findUserByToken(db: Queryable, token: string): Promise<ApiUser | undefined> {
  const tokenHash = hashToken(token);
  const rows = await db.query<{ name: string; role: Role; alumnus_id: string | null; email: string | null; phone: string | null }>(
    'SELECT name, role, alumnus_id, email, phone FROM api_tokens WHERE token_hash = $1',
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    name: row.name,
    role: row.role,
    tokenHash,
    ...(row.alumnus_id !== null && { alumnusId: row.alumnus_id }),
    ...(row.email !== null && { email: row.email }),
    ...(row.phone !== null && { phone: row.phone }),
  };
}

/** Revokes one token (given the token itself) or every token of a user (given the name); answers how many went. */
export async function revokeTokens(db: Queryable, which: { token: string } | { name: string }): Promise<number> {
  const rows =
    'token' in which
      ? await db.query('DELETE FROM api_tokens WHERE token_hash = $1 RETURNING token_hash', [hashToken(which.token)])
      : await db.query('DELETE FROM api_tokens WHERE name = $1 RETURNING token_hash', [which.name]);
  return rows.length;
}

export async function listTokenHolders(db: Queryable): Promise<{ name: string; role: Role; created_at: Date }[]> {
  return db.query('SELECT name, role, created_at FROM api_tokens ORDER BY created_at, name');
}
