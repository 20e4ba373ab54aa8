import type { ImportReport } from '../../utils/api';
import { refreshAlumniSearch } from '../console/alumni-search';
import { BatchPacer } from '../console/batch-pacer';
import { yieldToEventLoop } from '../console/yield';
import type { Database } from '../db/database';
import { upsertAlumni, type AlumnusRecord, type UpsertCounts } from '../store/alumni';
import { decodeCsvBytes, type CsvEncoding } from './decode';
import { parseAlumniCsv } from './parse-alumni-csv';

export interface ImportProgress {
  phase: 'validating' | 'writing';
  rowsRead: number;
  rowsTotal?: number;
  rowsWritten: number;
}

export interface ImportOptions {
  /** Import the good rows and report the bad ones, instead of importing nothing when any row is bad. */
  skipInvalid?: boolean;
  encoding?: CsvEncoding;
  onProgress?: (message: string) => void;
  /** Structured progress, for import jobs. */
  onStage?: (progress: ImportProgress) => void;
  /** Stops between slices and chunks; what was written by then stays written. */
  signal?: AbortSignal;
}

/**
 * Each write transaction aims at this long: long enough to be efficient, short enough that a request arriving
 * meanwhile is still answered well within 100 ms (measured in tests/server/import-responsiveness.test.ts).
 */
const targetChunkMs = 10;

/**
 * Upserts alumni in many small transactions, sized to take about targetChunkMs each, with a turn of the event loop
 * between them. Embedded PGlite has one connection, so the whole database waits for an open transaction: one
 * 200,000-row transaction kept the server from answering anything for 16 s.
 */
export async function writeAlumniInChunks(
  db: Database,
  alumni: AlumnusRecord[],
  options: { onWritten?: (done: number) => void; signal?: AbortSignal } = {},
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, erased: [] };
  const pacer = new BatchPacer({ targetMs: targetChunkMs, initial: 100, min: 20, max: 2000 });
  for (let start = 0; start < alumni.length; ) {
    options.signal?.throwIfAborted();
    const chunk = alumni.slice(start, start + pacer.size);
    const began = performance.now();
    const done = await db.transaction((tx) => upsertAlumni(tx, chunk));
    const elapsed = performance.now() - began;
    counts.inserted += done.inserted;
    counts.updated += done.updated;
    counts.erased.push(...done.erased);
    start += chunk.length;
    options.onWritten?.(start);
    pacer.measured(chunk.length, elapsed);
    await yieldToEventLoop();
  }
  return counts;
}

/**
 * Imports an HR export of alumni, upserting by employee id. Every row is checked before anything is written:
 * `applied` is false when bad rows stopped the import (nothing was written); the report lists every bad row
 * either way. Unreadable files throw UndecodableCsv or InvalidCsvFile. Rows are then written in short
 * transactions; an import stopped half-way (cancelled, server stopped) can simply be run again, as rows are
 * upserted by employee id.
 */
export async function importAlumniCsv(
  db: Database,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<{ applied: boolean; report: ImportReport; encoding: CsvEncoding }> {
  const { text, encoding } = await decodeCsvBytes(bytes, options.encoding);
  let rowsRead = 0;
  const parsed = await parseAlumniCsv(text, {
    signal: options.signal,
    onProgress: (rows) => {
      rowsRead = rows;
      options.onProgress?.(`read ${rows} rows`);
      options.onStage?.({ phase: 'validating', rowsRead: rows, rowsWritten: 0 });
    },
  });
  if (parsed.errors.length > 0 && !options.skipInvalid) {
    return { applied: false, report: { imported: 0, updated: 0, skipped: 0, errors: parsed.errors, erased: [] }, encoding };
  }
  const total = parsed.alumni.length;
  options.onStage?.({ phase: 'writing', rowsRead: parsed.rows || rowsRead, rowsTotal: total, rowsWritten: 0 });
  let reported = 0;
  const counts = await writeAlumniInChunks(db, parsed.alumni, {
    signal: options.signal,
    onWritten: (done) => {
      if (done === total || Math.floor(done / 5000) > Math.floor(reported / 5000)) {
        reported = done;
        options.onProgress?.(`stored ${done} of ${total} alumni`);
      }
      options.onStage?.({ phase: 'writing', rowsRead: parsed.rows, rowsTotal: total, rowsWritten: done });
    },
  });
  // The console's list reads the search table; bring it up to date now rather than on the next search.
  await refreshAlumniSearch(db);
  const erased = counts.erased.map((id) => ({ line: parsed.lineOfId.get(id) ?? 0, id })).sort((a, b) => a.line - b.line);
  return {
    applied: true,
    report: {
      imported: counts.inserted,
      updated: counts.updated,
      skipped: parsed.errors.length + erased.length,
      errors: parsed.errors,
      erased,
    },
    encoding,
  };
}
