import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../utils/api';
import type { Queryable } from '../db/database';

export interface ApiUser {
  name: string;
  role: Role;
  tokenHash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random bearer token; only its hash is stored, so the caller must show it now or never. */
export async function createToken(db: Queryable, role: Role, name: string): Promise<string> {
  const token = `al_${randomBytes(32).toString('base64url')}`;
  await db.query('INSERT INTO api_tokens (token_hash, name, role) VALUES ($1, $2, $3)', [hashToken(token), name, role]);
  return token;
}

/** Stores a token whose value is fixed in advance (the demo tokens); re-running changes nothing. */
export async function ensureToken(db: Queryable, token: string, role: Role, name: string): Promise<void> {
  await db.query('INSERT INTO api_tokens (token_hash, name, role) VALUES ($1, $2, $3) ON CONFLICT (token_hash) DO NOTHING', [
    hashToken(token),
    name,
    role,
  ]);
}

export async function findUserByToken(db: Queryable, token: string): Promise<ApiUser | undefined> {
  const tokenHash = hashToken(token);
  const rows = await db.query<{ name: string; role: Role }>('SELECT name, role FROM api_tokens WHERE token_hash = $1', [tokenHash]);
  return rows[0] && { name: rows[0].name, role: rows[0].role, tokenHash };
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
