import { randomUUID } from 'node:crypto';
import { call, tokens, type Reply } from './http';

/**
 * A fresh employee id for a made-up alumnus: 64 random bits. With 8 hex digits, 20,000 ids in one file repeated one
 * another (or an earlier test's) a few times in a hundred runs.
 */
export const uid = () => randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase();

export const csvColumns = [
  'employee_id', 'display_name', 'kana', 'latin', 'former_names', 'profile_urls', 'tenure_from', 'tenure_to', 'department',
  'current_employer', 'current_title', 'consent_recognition', 'consent_offers', 'rehire_eligible', 'owner_name', 'owner_email',
] as const;
export type CsvRow = Partial<Record<(typeof csvColumns)[number], string>>;

/** A valid row for a made-up alumnus; override what a test is about. */
export function alumnusRow(id: string, overrides: CsvRow = {}): CsvRow {
  return {
    employee_id: id, display_name: `Test Person ${id}`, latin: `Test Person ${id}`, tenure_from: '2015-04', tenure_to: '2019-03',
    department: 'Engineering', consent_recognition: 'yes', consent_offers: 'yes', rehire_eligible: 'yes', owner_name: 'Kenji Watanabe',
    ...overrides,
  };
}

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function toCsv(rows: CsvRow[], columns: readonly string[] = csvColumns): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => quote(row[c as keyof CsvRow] ?? '')).join(','))];
  return lines.join('\r\n') + '\r\n';
}

export function importCsv(api: string, body: string | Uint8Array, query = '', headers: Record<string, string> = {}): Promise<Reply> {
  return call(`${api}/admin/alumni/import${query}`, {
    method: 'POST',
    token: tokens.admin,
    body: typeof body === 'string' ? body : Buffer.from(body),
    headers: { 'content-type': 'text/csv', ...headers },
  });
}
