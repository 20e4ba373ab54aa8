import { randomBytes } from 'node:crypto';
import type { Role } from '../../utils/api';
import type { NewToken, TokenHolder, TokenInput } from '../../utils/api/console';
import type { Queryable } from '../db/database';
import { hashToken } from './tokens';

type HolderRow = { id: string; name: string; role: Role; created_at: Date; created_by: string | null; last_synced_at: Date | null; alumnus_id: string | null };

function present(row: HolderRow): TokenHolder {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    ...(row.created_by ? { createdBy: row.created_by } : {}),
    ...(row.last_synced_at ? { lastSyncedAt: row.last_synced_at.toISOString() } : {}),
    ...(row.alumnus_id ? { alumnusId: row.alumnus_id } : {}),
  };
}

const columns = 'id, name, role, created_at, created_by, last_synced_at, alumnus_id';

export async function listHolders(db: Queryable): Promise<TokenHolder[]> {
  return (await db.query<HolderRow>(`SELECT ${columns} FROM api_tokens ORDER BY created_at DESC, name`)).map(present);
}

/** A new token for a person and role, shown to the admin once; only its hash is kept. */
export async function issueToken(db: Queryable, input: TokenInput, createdBy: string): Promise<NewToken> {
  const token = `al_${randomBytes(32).toString('base64url')}`;
  const [row] = await db.query<HolderRow>(
    `INSERT INTO api_tokens (token_hash, name, role, created_by, alumnus_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`,
    [hashToken(token), input.name, input.role, createdBy, input.role === 'alumni' ? (input.alumnusId ?? null) : null],
  );
  return { holder: present(row), token };
}

/** Revokes one token by its id; its console sessions and client status go with it. */
export async function revokeHolder(db: Queryable, id: string): Promise<TokenHolder | undefined> {
  const [row] = await db.query<HolderRow>(`DELETE FROM api_tokens WHERE id = $1 RETURNING ${columns}`, [id]);
  return row && present(row);
}

/**
 * A client (not the console) read a delta-sync feed: remember when, for the overview's freshness chart. At most
 * one write a minute per token, so a paged sync does not write on every page.
 */
export async function recordClientSync(db: Queryable, tokenHash: string): Promise<void> {
  await db.query(
    `UPDATE api_tokens SET last_synced_at = now()
      WHERE token_hash = $1 AND (last_synced_at IS NULL OR last_synced_at < now() - interval '1 minute')`,
    [tokenHash],
  );
}

export async function recordClientStatus(db: Queryable, tokenHash: string, outbox: { pending: number; failed: number }): Promise<void> {
  await db.query(
    `INSERT INTO client_status (token_hash, outbox_pending, outbox_failed) VALUES ($1, $2, $3)
     ON CONFLICT (token_hash) DO UPDATE SET reported_at = now(), outbox_pending = EXCLUDED.outbox_pending, outbox_failed = EXCLUDED.outbox_failed`,
    [tokenHash, outbox.pending, outbox.failed],
  );
}
