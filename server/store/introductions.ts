import type { Introduction, IntroductionInput } from '../../utils/api';
import type { Queryable } from '../db/database';
import { notFound } from '../http/problem';
import { findServedAlumnus } from './alumni';
import { kindsVisibleTo } from './introduction-visibility';
import { storeOnce, type StoredRow } from './store-once';
import type { ApiUser } from './tokens';

type IntroductionRow = StoredRow & { logged_by: string };

function present(row: IntroductionRow): Introduction {
  return { id: row.id, ...(row.body as Omit<IntroductionInput, 'id'>), loggedBy: row.logged_by, receivedAt: row.received_at.toISOString() };
}

/** Logs an introduction once per client id; only alumni the API serves (consenting, not deleted) can be named. */
export async function logIntroduction(db: Queryable, input: IntroductionInput, user: ApiUser) {
  const { id, ...body } = input;
  // An erasure (console) emptied the stored copy, so a client's retry cannot be compared with it any more: the
  // sender gets its own introduction back as stored, and nothing about the erased person comes from the server.
  const [erased] = await db.query<{ logged_by: string; received_at: Date }>(
    'SELECT logged_by, received_at FROM introductions WHERE id = $1 AND erased_at IS NOT NULL AND token_hash = $2',
    [id, user.tokenHash],
  );
  if (erased) return { introduction: { ...input, loggedBy: erased.logged_by, receivedAt: erased.received_at.toISOString() }, created: false };
  const { row, created } = await storeOnce<IntroductionRow>(
    db,
    'introductions',
    { id, body, tokenHash: user.tokenHash },
    {
      sql: 'INSERT INTO introductions (id, alumnus_id, body, token_hash, logged_by) VALUES ($1, $2, $3::jsonb, $4, $5)',
      params: [id, input.alumnusId, JSON.stringify(body), user.tokenHash, user.name],
    },
    async () => {
      if (!(await findServedAlumnus(db, input.alumnusId, user.role))) throw notFound(`Alumnus ${input.alumnusId}`);
    },
  );
  return { introduction: present(row), created };
}

/** The introductions logged for an alumnus that `viewer` may read: the kinds their role reads, and their own. */
export async function listIntroductions(db: Queryable, alumnusId: string, viewer: ApiUser): Promise<Introduction[]> {
  const rows = await db.query<IntroductionRow>(
    `SELECT * FROM introductions
      WHERE alumnus_id = $1 AND (body ->> 'kind' = ANY($2::text[]) OR token_hash = $3)
      ORDER BY received_at, id`,
    [alumnusId, [...kindsVisibleTo(viewer.role)], viewer.tokenHash],
  );
  return rows.map(present);
}
