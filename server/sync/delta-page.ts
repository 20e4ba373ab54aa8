import type { Queryable } from '../db/database';
import { decodeCursor, encodeCursor, type SyncPosition } from './cursor';
import { cursorKey } from './cursor-key';

export interface SyncedRow {
  id: string;
  record: Record<string, unknown>;
  seq: number;
  updated_at: Date;
  live: boolean;
}

export interface DeltaPage {
  live: SyncedRow[];
  removed: string[];
  cursor: string;
  /** The change number the cursor stands at. */
  seq: number;
  complete: boolean;
}

/**
 * One page of changes to a synced table after the client's cursor. `liveSql` is a boolean SQL expression
 * over the table's columns deciding what this client may see; changed rows failing it are reported as
 * removed, so withdrawn consent, deletion or closing reach clients the same way. `seqColumn` is the change
 * number this feed follows (a role's own view of a table may change at other moments than its records).
 */
export async function readDeltaPage(
  db: Queryable,
  table: 'alumni' | 'organizations' | 'offers',
  liveSql: string,
  since: string | undefined,
  limit: number,
  seqColumn: 'seq' | 'alumni_seq' = 'seq',
): Promise<DeltaPage> {
  // A cursor belongs to one view of one table: what is live to whom, along which change number.
  const feed = `${table}|${seqColumn}|${liveSql}`;
  const key = await cursorKey(db);
  let position: SyncPosition;
  if (since === undefined) {
    const [top] = await db.query<{ seq: number | null }>(`SELECT max(${seqColumn}) AS seq FROM ${table}`);
    position = { seq: 0, snapshot: top?.seq ?? 0 };
  } else {
    position = decodeCursor(since, feed, key);
  }
  const rows = await db.query<SyncedRow>(
    `SELECT id, record, ${seqColumn} AS seq, updated_at, (${liveSql}) AS live FROM ${table}
      WHERE ${seqColumn} > $1 AND (${seqColumn} > $2 OR (${liveSql}))
      ORDER BY ${seqColumn} LIMIT $3`,
    [position.seq, position.snapshot ?? 0, limit + 1],
  );
  const complete = rows.length <= limit;
  const page = rows.slice(0, limit);
  // A finished first sync has deliberately skipped the non-live rows of its snapshot, so it can move past them.
  const last = Math.max(page.at(-1)?.seq ?? position.seq, complete ? (position.snapshot ?? 0) : 0);
  return {
    live: page.filter((row) => row.live),
    removed: page.filter((row) => !row.live).map((row) => row.id),
    cursor: encodeCursor({ seq: last, snapshot: position.snapshot }, feed, key),
    seq: last,
    complete,
  };
}
