import type { Database } from '../db/database';
import { toSpreadsheetCsv } from './csv-export';

export const exportKinds = ['introductions', 'interests'] as const;
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

export function exportCsv(db: Database, kind: ExportKind): Promise<string> {
  return kind === 'introductions' ? introductions(db) : interests(db);
}
