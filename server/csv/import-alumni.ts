import type { ImportReport } from '../../utils/api';
import { refreshAlumniSearch } from '../console/alumni-search';
import { BatchPacer } from '../console/batch-pacer';
import { yieldToEventLoop } from '../console/yield';
import type { Database } from '../db/database';
import { upsertAlumniJson, upsertBatchRows, type UpsertCounts } from '../store/alumni';
import { readCsvInThread } from './csv-thread';
import type { CsvEncoding } from './decode';

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

/** Where the rows to write come from: `batches` gives rows [start, end) as upsertAlumniJson takes them. */
export interface RowSource {
  count: number;
  batches(start: number, end: number, batchRows: number): Promise<string[]>;
}

/**
 * Upserts alumni in many small transactions, sized to take about targetChunkMs each, with a turn of the event loop
 * between them. Embedded PGlite has one connection, so the whole database waits for an open transaction: one
 * 200,000-row transaction kept the server from answering anything for 16 s. Each chunk's rows are fetched before its
 * transaction opens, so a transaction never waits for them.
 */
export async function writeAlumniInChunks(
  db: Database,
  rows: RowSource,
  options: { onWritten?: (done: number) => void; signal?: AbortSignal } = {},
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, erased: [] };
  const pacer = new BatchPacer({ targetMs: targetChunkMs, initial: 100, min: 20, max: 2000 });
  for (let start = 0; start < rows.count; ) {
    options.signal?.throwIfAborted();
    const end = Math.min(rows.count, start + pacer.size);
    const batches = await rows.batches(start, end, upsertBatchRows);
    const began = performance.now();
    const done = await db.transaction((tx) => upsertAlumniJson(tx, batches));
    const elapsed = performance.now() - began;
    counts.inserted += done.inserted;
    counts.updated += done.updated;
    counts.erased.push(...done.erased);
    options.onWritten?.(end);
    pacer.measured(end - start, elapsed);
    start = end;
    await yieldToEventLoop();
  }
  return counts;
}

/**
 * Imports an HR export of alumni, upserting by employee id. Every row is checked before anything is written:
 * `applied` is false when bad rows stopped the import (nothing was written); the report lists every bad row
 * either way. Unreadable files throw UndecodableCsv or InvalidCsvFile. Rows are then written in short
 * transactions; an import stopped half-way (cancelled, server stopped) can simply be run again, as rows are
 * upserted by employee id. The file is read in a thread of its own (csv-thread.ts), which keeps its rows.
 */
export async function importAlumniCsv(
  db: Database,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<{ applied: boolean; report: ImportReport; encoding: CsvEncoding }> {
  let rowsRead = 0;
  const file = await readCsvInThread(bytes, {
    encoding: options.encoding,
    signal: options.signal,
    onProgress: (rows) => {
      rowsRead = rows;
      options.onProgress?.(`read ${rows} rows`);
      options.onStage?.({ phase: 'validating', rowsRead: rows, rowsWritten: 0 });
    },
  });
  try {
    const { errors, rows, valid: total, encoding } = file.summary;
    if (errors.length > 0 && !options.skipInvalid) {
      return { applied: false, report: { imported: 0, updated: 0, skipped: 0, errors, erased: [] }, encoding };
    }
    options.onStage?.({ phase: 'writing', rowsRead: rows || rowsRead, rowsTotal: total, rowsWritten: 0 });
    let reported = 0;
    const counts = await writeAlumniInChunks(db, { count: total, batches: file.batches }, {
      signal: options.signal,
      onWritten: (done) => {
        if (done === total || Math.floor(done / 5000) > Math.floor(reported / 5000)) {
          reported = done;
          options.onProgress?.(`stored ${done} of ${total} alumni`);
        }
        options.onStage?.({ phase: 'writing', rowsRead: rows, rowsTotal: total, rowsWritten: done });
      },
    });
    // The console's list reads the search table; bring it up to date now rather than on the next search.
    await refreshAlumniSearch(db);
    const lines = await file.lines(counts.erased);
    const erased = counts.erased.map((id, index) => ({ line: lines[index], id })).sort((a, b) => a.line - b.line);
    return {
      applied: true,
      report: { imported: counts.inserted, updated: counts.updated, skipped: errors.length + erased.length, errors, erased },
      encoding,
    };
  } finally {
    await file.close();
  }
}
