import type { Showcase, ShowcaseInput } from '../../utils/api';
import { lockSyncedWrites, type Database, type Queryable } from '../db/database';
import { notFound } from '../http/problem';
import { sameJson } from '../sort-keys';

type ShowcaseRecord = Omit<ShowcaseInput, 'published'>;
type ShowcaseRow = { alumnus_id: string; record: ShowcaseRecord; published: boolean; updated_at: Date };

function present(row: ShowcaseRow): Showcase {
  return { ...row.record, published: row.published, updatedAt: row.updated_at.toISOString() };
}

export async function getShowcase(db: Queryable, alumnusId: string): Promise<Showcase | undefined> {
  const rows = await db.query<ShowcaseRow>('SELECT * FROM showcases WHERE alumnus_id = $1', [alumnusId]);
  return rows[0] && present(rows[0]);
}

/**
 * Creates or replaces an alumnus's showcase. When what staff may see changes (published or unpublished, or
 * edited while published) the alumnus's directory row gets a new change number in the same transaction, so
 * the next delta sync serves it with its new `showcase`, or without one. An unchanged showcase keeps its date.
 */
export async function putShowcase(db: Database, alumnusId: string, input: ShowcaseInput): Promise<Showcase> {
  const { published, ...record } = input;
  return db.transaction(async (tx) => {
    await lockSyncedWrites(tx);
    const alumnus = await tx.query('SELECT 1 FROM alumni WHERE id = $1 AND deleted_at IS NULL', [alumnusId]);
    if (alumnus.length === 0) throw notFound(`Alumnus ${alumnusId}`);
    const [current] = await tx.query<ShowcaseRow>('SELECT * FROM showcases WHERE alumnus_id = $1', [alumnusId]);
    const sameRecord = current !== undefined && sameJson(current.record, record);
    if (current && sameRecord && current.published === published) return present(current);
    const [stored] = await tx.query<ShowcaseRow>(
      `INSERT INTO showcases (alumnus_id, record, published) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (alumnus_id) DO UPDATE SET record = EXCLUDED.record, published = EXCLUDED.published, updated_at = now()
       RETURNING *`,
      [alumnusId, JSON.stringify(record), published],
    );
    const staffSeeChange = published || current?.published === true;
    if (staffSeeChange) {
      await tx.query(`UPDATE alumni SET seq = nextval('change_seq'), updated_at = now() WHERE id = $1`, [alumnusId]);
    }
    return present(stored!);
  });
}

/** The published showcases of these alumni, by alumnus id (what the directory serves to staff). */
export async function publishedShowcases(db: Queryable, alumnusIds: string[]): Promise<Map<string, Showcase>> {
  if (alumnusIds.length === 0) return new Map();
  const rows = await db.query<ShowcaseRow>('SELECT * FROM showcases WHERE published AND alumnus_id = ANY($1::text[])', [alumnusIds]);
  return new Map(rows.map((row) => [row.alumnus_id, present(row)]));
}
