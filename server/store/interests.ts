import type { Interest, InterestInput } from '../../utils/api';
import type { Queryable } from '../db/database';
import { ApiProblem, notFound } from '../http/problem';
import { findOffer } from './offers';
import { storeOnce, type StoredRow } from './store-once';
import type { ApiUser } from './tokens';

type InterestRow = StoredRow & { submitted_by: string };

function present(row: InterestRow): Interest {
  return { id: row.id, ...(row.body as Omit<InterestInput, 'id'>), submittedBy: row.submitted_by, receivedAt: row.received_at.toISOString() };
}

/** Registers an alumnus's interest once per client id; the offer must exist and still be open. */
export async function registerInterest(db: Queryable, input: InterestInput, user: ApiUser) {
  const { id, ...body } = input;
  const { row, created } = await storeOnce<InterestRow>(
    db,
    'interests',
    { id, body, tokenHash: user.tokenHash },
    {
      sql: 'INSERT INTO interests (id, offer_id, body, token_hash, submitted_by) VALUES ($1, $2, $3::jsonb, $4, $5)',
      params: [id, input.offerId, JSON.stringify(body), user.tokenHash, user.name],
    },
    async () => {
      const offer = await findOffer(db, input.offerId);
      if (!offer) throw notFound(`Offer ${input.offerId}`);
      if (offer.status !== 'open') throw new ApiProblem(409, 'offer_closed', `Offer ${input.offerId} is closed.`);
    },
  );
  return { interest: present(row), created };
}

/** An alumnus reads their own interests; admins read everyone's (optionally for one offer). */
export async function listInterests(db: Queryable, filter: { tokenHash?: string; offerId?: string }): Promise<Interest[]> {
  const rows = await db.query<InterestRow>(
    `SELECT * FROM interests
      WHERE ($1::text IS NULL OR token_hash = $1) AND ($2::text IS NULL OR offer_id = $2)
      ORDER BY received_at, id`,
    [filter.tokenHash ?? null, filter.offerId ?? null],
  );
  return rows.map(present);
}
