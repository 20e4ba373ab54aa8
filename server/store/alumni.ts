import * as z from 'zod/mini';
import { Alumnus, type Role } from '../../utils/api';
import { lockSyncedWrites, type Queryable } from '../db/database';
import { readDeltaPage } from '../sync/delta-page';
import { publishedShowcases } from './showcases';

/** An alumnus as imported: everything but the server-kept `updatedAt` and the alumnus's own `showcase`. */
export const AlumnusRecord = z.omit(Alumnus, { updatedAt: true, showcase: true });
export type AlumnusRecord = z.infer<typeof AlumnusRecord>;

const rehireRoles: Role[] = ['admin', 'recruiter'];

/** The served shape for one role: rehire eligibility is for recruiters and admins only. */
export function present(row: { id: string; record: Record<string, unknown>; updated_at: Date }, role: Role): Alumnus {
  const { rehireEligible, ...rest } = row.record as Omit<AlumnusRecord, 'id'>;
  return {
    id: row.id,
    ...rest,
    ...(rehireRoles.includes(role) && rehireEligible !== undefined ? { rehireEligible } : {}),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  /** Ids of alumni erased on request (DELETE admin/alumni/{id}): an import never brings them back. */
  erased: string[];
}

/** Rows per statement: one jsonb parameter of about a megabyte. */
export const upsertBatchRows = 1000;

/**
 * Inserts or updates alumni by id (the employee id) inside the caller's transaction. Only rows that really
 * change take a change number: a record that did not change keeps its number, so re-importing the same HR
 * export consumes none and makes no client resync. Erased alumni stay erased (their ids come back in
 * `erased`); the synced-writes lock keeps ids from appearing between the UPDATE and the INSERT.
 */
export async function upsertAlumni(tx: Queryable, alumni: AlumnusRecord[]): Promise<UpsertCounts> {
  const batches: string[] = [];
  for (let start = 0; start < alumni.length; start += upsertBatchRows) {
    batches.push(JSON.stringify(alumni.slice(start, start + upsertBatchRows).map(({ id, ...record }) => ({ id, record }))));
  }
  return upsertAlumniJson(tx, batches);
}

/**
 * upsertAlumni for rows already serialised, each batch a JSON array of `{ id, record }` (the record without its id)
 * of at most upsertBatchRows: an import's rows come so from the thread that read its CSV (csv/csv-thread.ts) and are
 * never made into objects on the event loop.
 */
export async function upsertAlumniJson(tx: Queryable, batches: string[]): Promise<UpsertCounts> {
  await lockSyncedWrites(tx);
  const counts: UpsertCounts = { inserted: 0, updated: 0, erased: [] };
  for (const batch of batches) {
    const [result] = await tx.query<{ inserted: number; updated: number; erased: string[] }>(
      `WITH input AS (
         SELECT x.id, x.record FROM jsonb_to_recordset($1::jsonb) AS x(id text, record jsonb)
       ), changed AS (
         UPDATE alumni SET record = input.record, seq = nextval('change_seq'), updated_at = now()
           FROM input
          WHERE alumni.id = input.id AND alumni.deleted_at IS NULL AND alumni.record IS DISTINCT FROM input.record
         RETURNING alumni.id
       ), added AS (
         INSERT INTO alumni (id, record)
         SELECT input.id, input.record FROM input WHERE NOT EXISTS (SELECT 1 FROM alumni WHERE alumni.id = input.id)
         RETURNING id
       )
       SELECT (SELECT count(*) FROM added)::int AS inserted,
              (SELECT count(*) FROM changed)::int AS updated,
              coalesce((SELECT json_agg(alumni.id ORDER BY alumni.id) FROM alumni JOIN input ON input.id = alumni.id
                         WHERE alumni.deleted_at IS NOT NULL), '[]'::json) AS erased`,
      [batch],
    );
    counts.inserted += result.inserted;
    counts.updated += result.updated;
    counts.erased.push(...result.erased);
  }
  return counts;
}

/** Erases an alumnus's data, keeping a tombstone so clients drop them on their next sync. */
export async function deleteAlumnus(tx: Queryable, id: string): Promise<boolean> {
  await lockSyncedWrites(tx);
  const rows = await tx.query(
    `UPDATE alumni SET record = '{}'::jsonb, deleted_at = now(), updated_at = now(), seq = nextval('change_seq')
      WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
    [id],
  );
  return rows.length > 0;
}

/**
 * The change number of the newest removal from recognition (an erasure or a withdrawn consent), 0 if none: what was
 * read for clients before it may hold someone who must not be served again. One lookup in a partial index.
 */
/**
 * Alumni no longer recognised (erased, consent withdrawn, or never given) whose change number is above `afterSeq`,
 * oldest first, at most `limit`.
 */
export function removalsAfter(db: Queryable, afterSeq: number, limit: number): Promise<{ id: string; seq: number }[]> {
  return db.query<{ id: string; seq: number }>('SELECT id, seq::bigint AS seq FROM alumni WHERE NOT recognised AND seq > $1 ORDER BY seq LIMIT $2', [
    afterSeq,
    limit,
  ]);
}

export async function lastRemovalSeq(db: Queryable): Promise<number> {
  const [{ lastRemoval }] = await db.query<{ lastRemoval: number | string }>(
    'SELECT coalesce(max(seq), 0) AS "lastRemoval" FROM alumni WHERE NOT recognised',
  );
  return Number(lastRemoval);
}

/** An alumnus the API may show: present, not deleted, consenting to recognition. */
export async function findServedAlumnus(db: Queryable, id: string, role: Role): Promise<Alumnus | undefined> {
  const rows = await db.query<{ id: string; record: Record<string, unknown>; updated_at: Date }>(
    'SELECT id, record, updated_at FROM alumni WHERE id = $1 AND recognised',
    [id],
  );
  return rows[0] && present(rows[0], role);
}

/** An alumnus's own record, for their own token whatever their consent to recognition; undefined once erased. */
export async function findOwnRecord(db: Queryable, id: string): Promise<Alumnus | undefined> {
  const rows = await db.query<{ id: string; record: Record<string, unknown>; updated_at: Date }>(
    'SELECT id, record, updated_at FROM alumni WHERE id = $1 AND deleted_at IS NULL',
    [id],
  );
  return rows[0] && present(rows[0], 'alumni');
}

export async function directoryPage(db: Queryable, role: Role, since: string | undefined, limit: number) {
  return (await directoryPageAt(db, role, since, limit)).page;
}

/** A directory page and the change number its cursor stands at (the snapshot build needs it; clients get the cursor). */
export async function directoryPageAt(db: Queryable, role: Role, since: string | undefined, limit: number) {
  const page = await readDeltaPage(db, 'alumni', 'recognised', since, limit);
  // A published showcase is a plain field of the record; publishing or unpublishing moves the row's change number.
  const showcases = await publishedShowcases(db, page.live.map((row) => row.id));
  return {
    page: {
      alumni: page.live.map((row) => {
        const showcase = showcases.get(row.id);
        return { ...present(row, role), ...(showcase && { showcase }) };
      }),
      removed: page.removed,
      cursor: page.cursor,
      complete: page.complete,
    },
    seq: page.seq,
  };
}
