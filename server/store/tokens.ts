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
