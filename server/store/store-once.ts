import type { Queryable } from '../db/database';
import { ApiProblem } from '../http/problem';
import { sameJson } from '../sort-keys';

/** What the client sent and who sent it: a retry must match both to be answered with the stored record. */
export interface ClientRequest {
  id: string;
  body: Record<string, unknown>;
  tokenHash: string;
}

export interface StoredRow {
  id: string;
  body: Record<string, unknown>;
  token_hash: string;
  received_at: Date;
}

function replayOrConflict<Row extends StoredRow>(row: Row, request: ClientRequest): { row: Row; created: false } {
  if (row.token_hash === request.tokenHash && sameJson(row.body, request.body)) return { row, created: false };
  throw new ApiProblem(409, 'id_conflict', `A different record with id ${request.id} already exists; make a new id for a new record.`);
}

/**
 * Stores a client-identified record exactly once. The primary key on the client's UUID decides races:
 * concurrent duplicates all try INSERT … ON CONFLICT DO NOTHING and only one row is written; the others read
 * it back and are answered as retries (same sender and body) or conflicts (409). `checkNew` runs only for
 * records not seen before (404 for an unknown alumnus, say), so retries still succeed after the fact.
 */
export async function storeOnce<Row extends StoredRow>(
  db: Queryable,
  table: 'introductions' | 'interests',
  request: ClientRequest,
  insert: { sql: string; params: unknown[] },
  checkNew: () => Promise<void>,
): Promise<{ row: Row; created: boolean }> {
  const select = `SELECT * FROM ${table} WHERE id = $1`;
  const [existing] = await db.query<Row>(select, [request.id]);
  if (existing) return replayOrConflict(existing, request);
  await checkNew();
  const [inserted] = await db.query<Row>(`${insert.sql} ON CONFLICT (id) DO NOTHING RETURNING *`, insert.params);
  if (inserted) return { row: inserted, created: true };
  const [winner] = await db.query<Row>(select, [request.id]);
  return replayOrConflict(winner, request);
}
