import { lockSyncedWrites, type Database, type Queryable } from '../db/database';
import { deleteAlumnus } from '../store/alumni';

export interface ErasureCounts {
  introductionsAnonymised: number;
  interestsRemoved: number;
  tokensRevoked: number;
  showcasesRemoved: number;
  suggestionsRemoved: number;
  meetingsErased: number;
  meetingStepsRemoved: number;
}

type MatchingCounts = Pick<ErasureCounts, 'showcasesRemoved' | 'suggestionsRemoved' | 'meetingsErased' | 'meetingStepsRemoved'>;

/** What business matching holds about an alumnus: what migration 010's erasure trigger forgets. */
async function matchingCounts(tx: Queryable, id: string): Promise<MatchingCounts> {
  const [counts] = await tx.query<MatchingCounts>(
    `SELECT (SELECT count(*)::int FROM showcases WHERE alumnus_id = $1) AS "showcasesRemoved",
            (SELECT count(*)::int FROM suggestions WHERE alumnus_id = $1) AS "suggestionsRemoved",
            (SELECT count(*)::int FROM meetings WHERE alumnus_id = $1 AND deleted_at IS NULL) AS "meetingsErased",
            (SELECT count(*)::int FROM meeting_events e JOIN meetings m ON m.id = e.meeting_id WHERE m.alumnus_id = $1) AS "meetingStepsRemoved"`,
    [id],
  );
  return counts;
}

/**
 * Erases an alumnus on request (APPI / GDPR): the directory record is emptied to a tombstone that delta sync
 * turns into `removed` (clients drop the person on their next sync); introductions stay for the programme's
 * counts but lose the alumnus, the note and the page they were logged on; interests sent with the person's own
 * tokens are deleted and those tokens revoked (the audit log keeps that they existed, not whose they were). The
 * tombstone's trigger (migration 010) deletes the showcase, suggestions and meeting steps and empties each meeting
 * to a tombstone clients drop; the counts say what it found, and that nothing of it is left. All in one
 * transaction. Undefined when there was no such alumnus.
 */
export async function eraseAlumnus(db: Database, id: string): Promise<ErasureCounts | undefined> {
  return db.transaction(async (tx) => {
    // Meetings are written under this lock too, so none can start between counting and erasing.
    await lockSyncedWrites(tx);
    const matching = await matchingCounts(tx, id);
    if (!(await deleteAlumnus(tx, id))) return undefined;
    const left = await matchingCounts(tx, id);
    if (Object.values(left).some((count) => count > 0)) throw new Error(`Erasure left business-matching data behind: ${JSON.stringify(left)}`);
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
    return {
      introductionsAnonymised: introductions.length,
      interestsRemoved: interests.length,
      tokensRevoked: tokens.length,
      ...matching,
    };
  });
}
