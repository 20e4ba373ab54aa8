import { randomUUID } from 'node:crypto';
import { OfferInput, type Offer, type OfferPatch, type Role } from '../../utils/api';
import { lockSyncedWrites, type Database, type Queryable } from '../db/database';
import { notFound } from '../http/problem';
import { sameJson } from '../sort-keys';
import { readDeltaPage } from '../sync/delta-page';

type OfferRecord = Omit<Offer, 'id' | 'updatedAt'>;
type OfferRow = { id: string; record: Record<string, unknown>; updated_at: Date };

function present(row: OfferRow): Offer {
  return { id: row.id, ...(row.record as OfferRecord), updatedAt: row.updated_at.toISOString() };
}

/** `id` is given by the demo seed; offers created through the API get a fresh one. */
export async function createOffer(db: Database, input: OfferInput, id = `offer-${randomUUID()}`): Promise<Offer> {
  return db.transaction(async (tx) => {
    await lockSyncedWrites(tx);
    const rows = await tx.query<OfferRow>(
      'INSERT INTO offers (id, record) VALUES ($1, $2::jsonb) RETURNING id, record, updated_at',
      [id, JSON.stringify(OfferInput.parse(input))],
    );
    return present(rows[0]);
  });
}

export async function findOffer(db: Queryable, id: string): Promise<Offer | undefined> {
  const rows = await db.query<OfferRow>('SELECT id, record, updated_at FROM offers WHERE id = $1', [id]);
  return rows[0] && present(rows[0]);
}

/**
 * Applies a partial change (closing is `{status: 'closed'}`); the merged offer is parsed again so it stays
 * valid as a whole. Read and write happen under the sync write lock, so concurrent edits do not overwrite each other.
 */
export async function updateOffer(db: Database, id: string, patch: OfferPatch): Promise<Offer> {
  return db.transaction(async (tx) => {
    await lockSyncedWrites(tx);
    const current = await tx.query<{ record: OfferRecord }>('SELECT record FROM offers WHERE id = $1', [id]);
    if (!current[0]) throw notFound(`Offer ${id}`);
    const merged = OfferInput.parse({ ...current[0].record, ...patch });
    const unchanged = sameJson(merged, current[0].record);
    const rows = await tx.query<OfferRow>(
      unchanged
        ? 'SELECT id, record, updated_at FROM offers WHERE id = $1'
        : `UPDATE offers SET record = $2::jsonb, seq = nextval('change_seq'), updated_at = now()
            WHERE id = $1 RETURNING id, record, updated_at`,
      unchanged ? [id] : [id, JSON.stringify(merged)],
    );
    return present(rows[0]);
  });
}

/** Staff see every offer with its status; alumni see open ones, and a closed offer reaches them as removed. */
export async function offersPage(db: Queryable, role: Role, since: string | undefined, limit: number) {
  const liveSql = role === 'alumni' ? "record ->> 'status' = 'open'" : 'true';
  const page = await readDeltaPage(db, 'offers', liveSql, since, limit);
  return { offers: page.live.map(present), removed: page.removed, cursor: page.cursor, complete: page.complete };
}
