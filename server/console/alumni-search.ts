import type { Role } from '../../utils/api';
import type { AlumniFacets, AlumniSearchPage, AlumniSearchQuery, AlumnusSummary } from '../../utils/api/console';
import { organizationKey, parseName } from '../../utils/recognition';
import type { Database } from '../db/database';
import type { AlumnusRecord } from '../store/alumni';
import { BatchPacer } from './batch-pacer';
import { yieldToEventLoop } from './yield';

type Record = Omit<AlumnusRecord, 'id'>;

/**
 * A name reduced the way the recognition engine reduces names (kana to romaji, Hepburn variants, accents,
 * kanji variants, both orders handled by matching word by word): 山田 太郎, やまだ たろう and Taro Yamada all
 * contain "yamada" or "山田".
 */
function nameForms(name: string | undefined): string[] {
  if (!name) return [];
  return parseName(name).map((form) => form.tokens.join(' '));
}

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

export interface SearchRow {
  id: string;
  names: string;
  sort_name: string;
  departments: string;
  last_department: string | null;
  left_year: number | null;
  left_on: string | null;
  employer: string | null;
  employer_key: string | null;
  recognition: boolean;
  offers: boolean;
}

/** What the console filters and sorts an alumnus by. */
export function searchRow(id: string, record: Record): SearchRow {
  const { names, tenure, currentEmployer, consent } = record;
  const forms = [names.display, names.kana, names.latin, ...(names.former ?? [])].flatMap(nameForms);
  const latinForm = [...nameForms(names.latin), ...nameForms(names.kana)].find((form) => /^[a-z0-9 ]+$/.test(form));
  // The stint they left from is the latest one (HR exports list earlier stints first, but do not rely on it).
  const last = [...tenure].sort((a, b) => a.to.localeCompare(b.to)).at(-1);
  return {
    id,
    names: `|${[...new Set([...forms, fold(names.display)])].join('|')}|`,
    sort_name: latinForm ?? fold(names.display),
    departments: `|${[...new Set(tenure.flatMap((t) => (t.department ? [fold(t.department)] : [])))].join('|')}|`,
    last_department: last?.department ?? null,
    left_year: last ? Number(last.to.slice(0, 4)) : null,
    left_on: last?.to ?? null,
    employer: currentEmployer?.name ?? null,
    employer_key: currentEmployer ? organizationKey(currentEmployer.name) || fold(currentEmployer.name) : null,
    recognition: consent.recognition,
    offers: consent.offers,
  };
}

/** Each catch-up transaction aims at this long, like an import's (see batch-pacer.ts). */
const targetBatchMs = 10;
/** The catch-up running on each database, if any. */
const catchingUp = new WeakMap<Database, Promise<void>>();

/**
 * Folds every alumni change since the last call into alumni_search, in small transactions that yield between
 * them (a 100,000-person directory must not stall the server). Writers of `alumni` take the sync lock before
 * numbering a change, so changes commit in `seq` order and reading past the stored position misses none.
 * One catch-up runs at a time per database.
 */
export function refreshAlumniSearch(db: Database): Promise<void> {
  // A run already going may have looked before the caller's change committed: catch up once more after it.
  // Keyed by the background view, which every caller's database shares.
  const current = catchingUp.get(db.background);
  if (current) return current.then(() => refreshAlumniSearch(db));
  const run = (async () => {
    const pacer = new BatchPacer({ targetMs: targetBatchMs, initial: 100, min: 20, max: 2000 });
    try {
      for (;;) {
        const batch = pacer.size;
        const began = performance.now();
        const more = await catchUpOnce(db.background, batch);
        if (!more) return;
        pacer.measured(batch, performance.now() - began);
        await yieldToEventLoop();
      }
    } finally {
      catchingUp.delete(db.background);
    }
  })();
  catchingUp.set(db.background, run);
  return run;
}

/** How many search rows are made between two turns of the event loop (a few milliseconds of name folding). */
const rowsPerTurn = 100;

/**
 * Folds the next `batch` changes into alumni_search; answers whether more may follow. The changes are read and their
 * search rows made outside any transaction, a few at a time with the event loop free between them: on PGlite an open
 * transaction holds the only connection, so it only writes. If another catch-up (another server) moved the position
 * meanwhile, nothing is written and the caller reads again.
 */
async function catchUpOnce(db: Database, batch: number): Promise<boolean> {
  const [{ seq: position }] = await db.query<{ seq: string }>('SELECT seq FROM search_position');
  const rows = await db.query<{ id: string; record: Record; seq: string; live: boolean }>(
    'SELECT id, record, seq, deleted_at IS NULL AS live FROM alumni WHERE seq > $1 ORDER BY seq LIMIT $2',
    [position, batch],
  );
  if (rows.length === 0) return false;
  const live: SearchRow[] = [];
  for (let start = 0; start < rows.length; start += rowsPerTurn) {
    for (const row of rows.slice(start, start + rowsPerTurn)) if (row.live) live.push(searchRow(row.id, row.record));
    await yieldToEventLoop();
  }
  const liveRows = JSON.stringify(live);
  const gone = rows.filter((row) => !row.live).map((row) => row.id);
  return db.transaction(async (tx) => {
    const [{ seq: now }] = await tx.query<{ seq: string }>('SELECT seq FROM search_position FOR UPDATE');
    if (String(now) !== String(position)) return true;
    if (gone.length > 0) await tx.query('DELETE FROM alumni_search WHERE id = ANY($1::text[])', [gone]);
    if (live.length > 0) {
      await tx.query(
        `INSERT INTO alumni_search SELECT * FROM jsonb_populate_recordset(NULL::alumni_search, $1::jsonb)
         ON CONFLICT (id) DO UPDATE SET names = EXCLUDED.names, sort_name = EXCLUDED.sort_name,
           departments = EXCLUDED.departments, last_department = EXCLUDED.last_department, left_year = EXCLUDED.left_year,
           left_on = EXCLUDED.left_on, employer = EXCLUDED.employer, employer_key = EXCLUDED.employer_key,
           recognition = EXCLUDED.recognition, offers = EXCLUDED.offers`,
        [liveRows],
      );
    }
    await tx.query('UPDATE search_position SET seq = $1', [rows.at(-1)!.seq]);
    return rows.length === batch;
  });
}

/** Staff other than admins see only the alumni the API serves them: those who consented to recognition. */
const visibleTo = (role: Role) => (role === 'admin' ? 'true' : 's.recognition');

function nameCondition(q: string, params: unknown[]): string {
  const forms = parseName(q).map((form) => form.tokens);
  if (forms.length === 0) forms.push([fold(q)]);
  const alternatives = forms.map((tokens) =>
    tokens.map((token) => `strpos(s.names, $${params.push(token)}) > 0`).join(' AND '),
  );
  // An employee ID (or its beginning) finds that alumnus too.
  alternatives.push(`starts_with(lower(s.id), $${params.push(fold(q))})`);
  return `(${alternatives.join(' OR ')})`;
}

function filters(query: AlumniSearchQuery, role: Role): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions = [visibleTo(role)];
  if (query.q) conditions.push(nameCondition(query.q, params));
  if (query.department) conditions.push(`strpos(s.departments, $${params.push(`|${fold(query.department)}|`)}) > 0`);
  if (query.leftYear) conditions.push(`s.left_year = $${params.push(query.leftYear)}`);
  if (query.employer) {
    const key = organizationKey(query.employer) || fold(query.employer);
    conditions.push(`strpos(s.employer_key, $${params.push(key)}) > 0`);
  }
  if (query.consent === 'recognition') conditions.push('s.recognition');
  if (query.consent === 'no-recognition') conditions.push('NOT s.recognition');
  if (query.consent === 'offers') conditions.push('s.offers');
  if (query.consent === 'no-offers') conditions.push('NOT s.offers');
  return { where: conditions.join(' AND '), params };
}

function summary(row: SearchRow & { record: Record }): AlumnusSummary {
  const { names } = row.record;
  return {
    id: row.id,
    name: names.display,
    ...(names.kana ? { kana: names.kana } : {}),
    ...(names.latin ? { latin: names.latin } : {}),
    ...(row.last_department ? { department: row.last_department } : {}),
    ...(row.left_on ? { leftOn: row.left_on } : {}),
    ...(row.employer ? { employer: row.employer } : {}),
    consent: { recognition: row.recognition, offers: row.offers },
  };
}

/** One page of the alumni list, filtered and sorted by the server so the browser holds 50 rows, not 100,000. */
export async function searchAlumni(db: Database, query: AlumniSearchQuery & { page: number; pageSize: number }, role: Role): Promise<AlumniSearchPage> {
  await refreshAlumniSearch(db);
  const { where, params } = filters(query, role);
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM alumni_search s WHERE ${where}`, params);
  const rows = await db.query<SearchRow & { record: Record }>(
    `SELECT s.*, a.record FROM alumni_search s JOIN alumni a USING (id) WHERE ${where}
      ORDER BY s.sort_name, s.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  return { alumni: rows.map(summary), total, page: query.page, pageSize: query.pageSize };
}

export async function alumniFacets(db: Database, role: Role): Promise<AlumniFacets> {
  await refreshAlumniSearch(db);
  const where = visibleTo(role);
  const departments = await db.query<{ name: string; count: number }>(
    `SELECT s.last_department AS name, count(*)::int AS count FROM alumni_search s
      WHERE ${where} AND s.last_department IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200`,
  );
  const leftYears = await db.query<{ year: number; count: number }>(
    `SELECT s.left_year AS year, count(*)::int AS count FROM alumni_search s
      WHERE ${where} AND s.left_year IS NOT NULL GROUP BY 1 ORDER BY 1 DESC`,
  );
  return { departments, leftYears };
}

