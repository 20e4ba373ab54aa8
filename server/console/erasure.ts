import type { Database } from '../db/database';
import { deleteAlumnus } from '../store/alumni';

export interface ErasureCounts {
  introductionsAnonymised: number;
  interestsRemoved: number;
  tokensRevoked: number;
}

/**
 * Erases an alumnus on request (APPI / GDPR): the directory record is emptied to a tombstone that delta sync
 * turns into `removed` (clients drop the person on their next sync); introductions stay for the programme's
 * counts but lose the alumnus, the note and the page they were logged on; interests sent with the person's own
 * tokens are deleted and those tokens revoked (the audit log keeps that they existed, not whose they were). All in
 * one transaction. Undefined when there was no such alumnus.
 */
export async function eraseAlumnus(db: Database, id: string): Promise<ErasureCounts | undefined> {
  return db.transaction(async (tx) => {
    if (!(await deleteAlumnus(tx, id))) return undefined;
    await tx.query('DELETE FROM alumni_search WHERE id = $1', [id]);
    const introductions = await tx.query(
      `UPDATE introductions
          SET alumnus_id = NULL, erased_at = now(),
              body = jsonb_build_object('kind', body -> 'kind', 'occurredAt', body -> 'occurredAt', 'context', '{}'::jsonb)
        WHERE alumnus_id = $1 RETURNING id`,
      [id],
    );
    const interests = await tx.query(
      'DELETE FROM interests WHERE token_hash IN (SELECT token_hash FROM api_tokens WHERE alumnus_id = $1) RETURNING id',
      [id],
    );
    const tokens = await tx.query<{ id: string }>('DELETE FROM api_tokens WHERE alumnus_id = $1 RETURNING id', [id]);
    // Creating their tokens was logged with their name; the entries stay, the name goes.
    await tx.query(`UPDATE audit_log SET details = details - 'name' WHERE target = ANY($1::text[])`, [tokens.map((t) => t.id)]);
    return { introductionsAnonymised: introductions.length, interestsRemoved: interests.length, tokensRevoked: tokens.length };
  });
}
