import { z } from 'zod';
import { alumniCsvColumns, type AlumniCsvColumn } from './columns';

/**
 * The one message protocol between an import (csv-thread.ts, on the server's event loop) and the worker thread that
 * reads its CSV (csv-host.ts). Each side parses what arrives. The thread reads the whole file once (`parse`), keeps
 * its rows, and hands them out as JSON batches for the writes (`batches`), so 100,000 records never live on the
 * event loop's heap. Every request carries an id and gets exactly one reply with it; `parse` also gets progress.
 */
export const toCsvThread = z.discriminatedUnion('op', [
  z.object({
    id: z.number().int(),
    op: z.literal('parse'),
    /** The file's bytes, in shared memory (no copy on the sending side). */
    bytes: z.instanceof(SharedArrayBuffer),
    encoding: z.enum(['utf-8', 'shift_jis']).optional(),
    sampleRows: z.number().int().nonnegative(),
  }),
  /** Rows [start, end) of the valid ones, as JSON arrays of `{ id, record }` of at most `batchRows` each. */
  z.object({ id: z.number().int(), op: z.literal('batches'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), batchRows: z.number().int().positive() }),
  /** The line each of these employee ids starts on (0: not in the file). */
  z.object({ id: z.number().int(), op: z.literal('lines'), ids: z.array(z.string()) }),
]);
export type ToCsvThread = z.infer<typeof toCsvThread>;

const columnNames = Object.keys(alumniCsvColumns) as [AlumniCsvColumn, ...AlumniCsvColumn[]];
const rowError = z.object({ line: z.number().int(), reason: z.string() });

/** What a file holds, without its valid rows (they stay in the thread). */
export const csvSummary = z.object({
  encoding: z.enum(['utf-8', 'shift_jis']),
  header: z.array(z.string()),
  /** The column each header cell was read as; null for an ignored blank header. */
  columns: z.array(z.enum(columnNames).nullable()),
  sample: z.array(z.array(z.string())),
  /** Data rows read (blank lines not counted), and how many of them are valid. */
  rows: z.number().int().nonnegative(),
  valid: z.number().int().nonnegative(),
  errors: z.array(rowError),
});
export type CsvSummary = z.infer<typeof csvSummary>;

/** Why a file could not be read: the import's own error classes are made again from it on the other side. */
export const csvThreadError = z.object({
  kind: z.enum(['undecodable', 'invalid', 'other']),
  message: z.string(),
  line: z.number().int().optional(),
});
export type CsvThreadError = z.infer<typeof csvThreadError>;

export const fromCsvThread = z.union([
  z.object({ id: z.number().int(), progress: z.number().int().nonnegative() }),
  z.object({ id: z.number().int(), summary: csvSummary }),
  // Each batch was checked row by row against AlumnusRecord in the thread, and is only passed on to the database.
  z.object({ id: z.number().int(), batches: z.array(z.string()) }),
  z.object({ id: z.number().int(), lines: z.array(z.number().int()) }),
  z.object({ id: z.number().int(), error: csvThreadError }),
]);
export type FromCsvThread = z.infer<typeof fromCsvThread>;
