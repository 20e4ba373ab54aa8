import { parse } from 'csv-parse';
import { yieldToEventLoop } from '../console/yield';
import { AlumnusRecord } from '../store/alumni';
import { readBoolean, readList, readMonth, readTenures, type Cell } from './cell-values';
import { alumniCsvColumns, columnForHeader, type AlumniCsvColumn } from './columns';

export interface CsvRowError {
  line: number;
  reason: string;
}

export interface ParsedAlumniCsv {
  alumni: AlumnusRecord[];
  errors: CsvRowError[];
  /** The line each imported employee id starts on. */
  lineOfId: Map<string, number>;
  /** The header row as written, and the column each cell was read as (undefined: ignored blank header). */
  header: string[];
  columns: (AlumniCsvColumn | undefined)[];
  /** The first data rows as written (ParseOptions.sampleRows). */
  sample: string[][];
  /** Data rows read (blank lines not counted). */
  rows: number;
}

/** A file that cannot be read at all (bad header, broken quoting): nothing in it is imported, whatever was asked. */
export class InvalidCsvFile extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

type Row = Partial<Record<AlumniCsvColumn, string>>;

/** Where a contract field comes from, so schema findings name the CSV column the user must fix. */
const columnOfField: Record<string, AlumniCsvColumn> = {
  id: 'employee_id',
  'names.display': 'display_name',
  'names.kana': 'kana',
  'names.latin': 'latin',
  'names.former': 'former_names',
  profileUrls: 'profile_urls',
  tenure: 'tenure_from',
  currentEmployer: 'current_employer',
  currentTitle: 'current_title',
  relationshipOwner: 'owner_name',
  'relationshipOwner.email': 'owner_email',
};

function columnFor(path: PropertyKey[], tenures: number): string {
  // The file's own period is the last tenure; earlier ones come from more_tenures.
  if (path[0] === 'tenure' && typeof path[1] === 'number') {
    return path[1] < tenures - 1 ? 'more_tenures' : path[2] === 'from' ? 'tenure_from' : path[2] === 'to' ? 'tenure_to' : 'department';
  }
  for (let length = path.length; length > 0; length--) {
    const column = columnOfField[path.slice(0, length).join('.')];
    if (column) return column;
  }
  return path.join('.');
}

function rowToAlumnus(row: Row): { ok: true; alumnus: AlumnusRecord } | { ok: false; reasons: string[] } {
  const reasons: string[] = [];
  const read = <T>(column: AlumniCsvColumn, cell: Cell<T>): T | undefined => {
    if (cell.ok) return cell.value;
    reasons.push(`${column}: ${cell.reason}`);
    return undefined;
  };
  const optional = <T>(column: AlumniCsvColumn, reader: (value: string) => Cell<T>) =>
    row[column] ? read(column, reader(row[column])) : undefined;
  const required = <T>(column: AlumniCsvColumn, reader: (value: string) => Cell<T>) => {
    if (!row[column]) reasons.push(`${column} is empty`);
    return optional(column, reader);
  };
  const text = (value: string): Cell<string> => ({ ok: true, value });

  const id = required('employee_id', text);
  const display = required('display_name', text);
  const from = required('tenure_from', readMonth);
  const to = required('tenure_to', readMonth);
  const recognition = required('consent_recognition', readBoolean);
  const offers = required('consent_offers', readBoolean);
  const rehireEligible = optional('rehire_eligible', readBoolean);
  const earlier = optional('more_tenures', readTenures) ?? [];
  if (row.current_employer_org_id && !row.current_employer) reasons.push('current_employer_org_id is set but current_employer is empty');
  if (row.owner_email && !row.owner_name) reasons.push('owner_email is set but owner_name is empty');
  if (reasons.length > 0) return { ok: false, reasons };

  const former = readList(row.former_names ?? '');
  const profileUrls = readList(row.profile_urls ?? '');
  const candidate = {
    id,
    names: {
      display,
      ...(row.kana ? { kana: row.kana } : {}),
      ...(row.latin ? { latin: row.latin } : {}),
      ...(former.length ? { former } : {}),
    },
    ...(profileUrls.length ? { profileUrls } : {}),
    tenure: [...earlier, { from: from!, to: to!, ...(row.department ? { department: row.department } : {}) }],
    ...(row.current_employer
      ? { currentEmployer: { name: row.current_employer, ...(row.current_employer_org_id ? { organizationId: row.current_employer_org_id } : {}) } }
      : {}),
    ...(row.current_title ? { currentTitle: row.current_title } : {}),
    consent: { recognition: recognition!, offers: offers! },
    ...(rehireEligible !== undefined ? { rehireEligible } : {}),
    ...(row.owner_name ? { relationshipOwner: { name: row.owner_name, ...(row.owner_email ? { email: row.owner_email } : {}) } } : {}),
  };
  const parsed = AlumnusRecord.safeParse(candidate);
  if (!parsed.success) return { ok: false, reasons: parsed.error.issues.map((issue) => `${columnFor(issue.path, candidate.tenure.length)}: ${issue.message}`) };
  return { ok: true, alumnus: parsed.data };
}

function readHeader(cells: string[]): (AlumniCsvColumn | undefined)[] {
  const columns = cells.map((cell) => columnForHeader(cell));
  const unknown = cells.filter((cell, index) => !columns[index] && cell.trim() !== '');
  if (unknown.length > 0) {
    throw new InvalidCsvFile(
      `Unknown column(s) ${unknown.map((c) => `"${c}"`).join(', ')}; the columns are ${Object.keys(alumniCsvColumns).join(', ')}.`,
      1,
    );
  }
  const seen = new Set<AlumniCsvColumn>();
  for (const column of columns) {
    if (column && seen.has(column)) throw new InvalidCsvFile(`Column ${column} appears twice in the header.`, 1);
    if (column) seen.add(column);
  }
  const missing = (Object.keys(alumniCsvColumns) as AlumniCsvColumn[]).filter((c) => alumniCsvColumns[c].required && !seen.has(c));
  if (missing.length > 0) throw new InvalidCsvFile(`Required column(s) missing from the header: ${missing.join(', ')}.`, 1);
  return columns;
}

/** How much text the parser takes between two turns of the event loop: a few milliseconds of parsing and checking. */
const sliceLength = 32 * 1024;

/** Cuts text into slices that never split a surrogate pair (the parser re-encodes each slice as UTF-8). */
function* slices(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + sliceLength, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
}

export interface ParseOptions {
  /** Hears the row count now and then. */
  onProgress?: (rows: number) => void;
  /** How many data rows to keep as they are in the file, for a preview. */
  sampleRows?: number;
  /** Checked between slices: a cancelled import stops reading. */
  signal?: AbortSignal;
}

/**
 * Reads an alumni CSV (already decoded to text). Every bad row is reported by the line it starts on, with
 * all its reasons; duplicate employee ids are bad rows too. The text is fed to the parser a slice at a time with
 * a turn of the event loop in between, so reading 200,000 rows never stops the server answering other requests.
 */
export async function parseAlumniCsv(text: string, options: ParseOptions | ((rows: number) => void) = {}): Promise<ParsedAlumniCsv> {
  const { onProgress, sampleRows = 0, signal } = typeof options === 'function' ? { onProgress: options } : options;
  const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true, bom: true });
  const lineOfId = new Map<string, number>();
  const result: ParsedAlumniCsv = { alumni: [], errors: [], lineOfId, header: [], columns: [], sample: [], rows: 0 };
  let columns: (AlumniCsvColumn | undefined)[] | undefined;
  let failure: unknown;

  const handle = (record: string[], info: { lines: number }) => {
    // info.lines is where the record ends; quoted cells may span lines.
    const line = info.lines - record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    if (!columns) {
      columns = readHeader(record);
      result.header = record;
      result.columns = columns;
      return;
    }
    if (record.every((cell) => cell.trim() === '')) return;
    if (++result.rows % 5000 === 0) onProgress?.(result.rows);
    if (result.sample.length < sampleRows) result.sample.push(record);
    if (record.some((cell) => cell.includes('\0'))) {
      result.errors.push({ line, reason: 'contains a NUL character' });
      return;
    }
    if (record.length !== columns.length) {
      result.errors.push({ line, reason: `has ${record.length} cells but the header has ${columns.length}` });
      return;
    }
    const row: Row = {};
    columns.forEach((column, index) => {
      const value = record[index].trim();
      if (column && value) row[column] = value;
    });
    const outcome = rowToAlumnus(row);
    if (!outcome.ok) {
      result.errors.push({ line, reason: outcome.reasons.join('; ') });
      return;
    }
    const firstLine = lineOfId.get(outcome.alumnus.id);
    if (firstLine !== undefined) {
      result.errors.push({ line, reason: `employee_id ${outcome.alumnus.id} already appears on line ${firstLine}` });
      return;
    }
    lineOfId.set(outcome.alumnus.id, line);
    result.alumni.push(outcome.alumnus);
  };

  parser.on('data', ({ record, info }: { record: string[]; info: { lines: number } }) => {
    if (failure) return;
    try {
      handle(record, info);
    } catch (error) {
      failure = error;
    }
  });
  parser.on('error', (error) => (failure ??= error));
  const ended = new Promise<void>((resolve) => parser.once('end', resolve).once('error', () => resolve()));
  for (const slice of slices(text)) {
    if (failure || signal?.aborted) break;
    parser.write(slice);
    // Records of this slice are handled on the next ticks, before setImmediate lets pending I/O in.
    await yieldToEventLoop();
  }
  if (!failure && !signal?.aborted) {
    parser.end();
    await ended;
  } else parser.destroy();
  signal?.throwIfAborted();
  if (failure) {
    if (failure instanceof InvalidCsvFile) throw failure;
    const { message, lines } = failure as { message: string; lines?: number };
    throw new InvalidCsvFile(`The file is not well-formed CSV: ${message}`, lines ?? 0);
  }
  if (!columns) throw new InvalidCsvFile('The file is empty; it needs a header row and at least one alumnus.', 1);
  onProgress?.(result.rows);
  return result;
}
