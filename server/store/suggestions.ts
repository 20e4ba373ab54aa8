import type { Alumnus, Suggestion, SuggestionInput } from '../../utils/api';
import type { Database, Queryable } from '../db/database';
import { ApiProblem, notFound } from '../http/problem';
import { sameJson } from '../sort-keys';
import { findServedAlumnus } from './alumni';
import { findOffer } from './offers';
import type { ApiUser } from './tokens';

type SuggestionRow = { id: string; alumnus_id: string; offer_id: string; body: Omit<SuggestionInput, 'id'>; token_hash: string; suggested_by: string; received_at: Date };

function present(row: SuggestionRow): Suggestion {
  return { id: row.id, ...row.body, suggestedBy: row.suggested_by, suggestedAt: row.received_at.toISOString() };
}

/** Staff may approach an alumnus about offers only with their consent (`consent.offers`). */
export function requireOffersConsent(alumnus: Alumnus): void {
  if (!alumnus.consent.offers) {
    throw new ApiProblem(409, 'no_offers_consent', `Alumnus ${alumnus.id} has not agreed to be approached about offers.`);
  }
}

export async function requireOpenOffer(db: Queryable, offerId: string) {
  const offer = await findOffer(db, offerId);
  if (!offer) throw notFound(`Offer ${offerId}`);
  if (offer.status !== 'open') throw new ApiProblem(409, 'offer_closed', `Offer ${offerId} is closed.`);
  return offer;
}

/**
 * Suggests an offer to an alumnus, idempotent by the client's id (same id and body from the same user: the
 * stored suggestion; otherwise 409). An offer is suggested to an alumnus once: when someone already did,
 * the answer is that earlier suggestion (`created: false`), so the alumnus sees one "suggested by NAME".
 */
export async function suggestOffer(db: Database, input: SuggestionInput, user: ApiUser): Promise<{ suggestion: Suggestion; created: boolean }> {
  const { id, ...body } = input;
  const byId = async (tx: Queryable) => (await tx.query<SuggestionRow>('SELECT * FROM suggestions WHERE id = $1', [id]))[0];
  const replay = (row: SuggestionRow) => {
    if (row.token_hash === user.tokenHash && sameJson(row.body, body)) return { suggestion: present(row), created: false };
    throw new ApiProblem(409, 'id_conflict', `A different suggestion with id ${id} already exists; make a new id for a new one.`);
  };
  return db.transaction(async (tx) => {
    const existing = await byId(tx);
    if (existing) return replay(existing);
    const alumnus = await findServedAlumnus(tx, input.alumnusId, user.role);
    if (!alumnus) throw notFound(`Alumnus ${input.alumnusId}`);
    requireOffersConsent(alumnus);
    await requireOpenOffer(tx, input.offerId);
    // Either key may collide (a concurrent retry, or someone else suggesting the same offer): nothing is written twice.
    const [inserted] = await tx.query<SuggestionRow>(
      `INSERT INTO suggestions (id, alumnus_id, offer_id, body, token_hash, suggested_by) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
       ON CONFLICT DO NOTHING RETURNING *`,
      [id, input.alumnusId, input.offerId, JSON.stringify(body), user.tokenHash, user.name],
    );
    if (inserted) return { suggestion: present(inserted), created: true };
    const winner = await byId(tx);
    if (winner) return replay(winner);
    const [earlier] = await tx.query<SuggestionRow>('SELECT * FROM suggestions WHERE alumnus_id = $1 AND offer_id = $2', [
      input.alumnusId,
      input.offerId,
    ]);
    return { suggestion: present(earlier!), created: false };
  });
}

/** The open offers suggested to one alumnus, oldest first (what their own client shows). */
export async function suggestionsFor(db: Queryable, alumnusId: string): Promise<Suggestion[]> {
  const rows = await db.query<SuggestionRow>(
    `SELECT s.* FROM suggestions s JOIN offers o ON o.id = s.offer_id
      WHERE s.alumnus_id = $1 AND o.record ->> 'status' = 'open' ORDER BY s.received_at, s.id`,
    [alumnusId],
  );
  return rows.map(present);
}
