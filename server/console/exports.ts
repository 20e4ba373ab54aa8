import { awaitingSide } from '../../utils/meetings/machine';
import type { Database } from '../db/database';
import type { MeetingRow } from '../store/meetings-feed';
import { toSpreadsheetCsv } from './csv-export';

export const exportKinds = ['introductions', 'interests', 'meetings'] as const;
export type ExportKind = (typeof exportKinds)[number];

type IntroductionRow = { id: string; alumnus_id: string | null; body: Record<string, any>; logged_by: string; received_at: Date; erased_at: Date | null; name: string | null };
type InterestRow = { id: string; offer_id: string; body: Record<string, any>; submitted_by: string; received_at: Date; title: string | null };

/** Introductions as logged (erased alumni's ones anonymised: no alumnus, note or page). */
async function introductions(db: Database): Promise<string> {
  const rows = await db.query<IntroductionRow>(
    `SELECT i.*, a.record -> 'names' ->> 'display' AS name FROM introductions i LEFT JOIN alumni a ON a.id = i.alumnus_id
      ORDER BY i.received_at, i.id`,
  );
  return toSpreadsheetCsv(
    ['id', 'occurred_at', 'received_at', 'kind', 'alumnus_id', 'alumnus_name', 'logged_by', 'site', 'url', 'organization_id', 'note', 'erased'],
    rows.map((row) => [
      row.id, row.body.occurredAt, row.received_at.toISOString(), row.body.kind, row.alumnus_id, row.name, row.logged_by,
      row.body.context?.site, row.body.context?.url, row.body.context?.organizationId, row.body.note, row.erased_at ? 'yes' : '',
    ]),
  );
}

async function interests(db: Database): Promise<string> {
  const rows = await db.query<InterestRow>(
    `SELECT i.*, o.record ->> 'title' AS title FROM interests i LEFT JOIN offers o ON o.id = i.offer_id ORDER BY i.received_at, i.id`,
  );
  return toSpreadsheetCsv(
    ['id', 'received_at', 'offer_id', 'offer_title', 'submitted_by', 'message'],
    rows.map((row) => [row.id, row.received_at.toISOString(), row.offer_id, row.title, row.submitted_by, row.body.message]),
  );
}

type MeetingExportRow = MeetingRow & { steps: number; held_note: string | null };

/**
 * One row per meeting, as it stands now. A meeting whose alumnus was erased is a tombstone: it stays counted
 * (id, when it was asked for) with nothing else, like an erased alumnus's introductions.
 */
async function meetings(db: Database): Promise<string> {
  const rows = await db.query<MeetingExportRow>(
    `SELECT m.*, (SELECT count(*)::int FROM meeting_events e WHERE e.meeting_id = m.id) AS steps,
            (SELECT e.body ->> 'note' FROM meeting_events e WHERE e.meeting_id = m.id AND e.body ->> 'type' = 'held' LIMIT 1) AS held_note
       FROM meetings m ORDER BY m.received_at, m.id`,
  );
  return toSpreadsheetCsv(
    [
      'id', 'requested_at', 'updated_at', 'status', 'awaiting', 'alumnus_id', 'alumnus_name', 'offer_id', 'offer_title', 'requested_by',
      'requested_by_side', 'proposed_times', 'scheduled_at', 'outcome', 'message', 'outcome_note', 'steps', 'erased',
    ],
    rows.map((row) => {
      if (row.deleted_at) return [row.id, row.received_at.toISOString(), '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 'yes'];
      const { state } = row;
      const awaiting = awaitingSide(state);
      return [
        row.id, row.received_at.toISOString(), row.updated_at.toISOString(), state.status, awaiting, row.alumnus_id, row.alumnus_name,
        row.offer_id, row.offer_title, row.created_by_name, row.created_by_side, state.proposedTimes.join('; '), state.scheduledAt,
        state.outcome, row.body.message, row.held_note, row.steps, '',
      ];
    }),
  );
}

export function exportCsv(db: Database, kind: ExportKind): Promise<string> {
  if (kind === 'meetings') return meetings(db);
  return kind === 'introductions' ? introductions(db) : interests(db);
}
