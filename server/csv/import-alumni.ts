import type { ImportReport } from '../../utils/api';
import type { Database } from '../db/database';
import { upsertAlumni } from '../store/alumni';
import { decodeCsvBytes, type CsvEncoding } from './decode';
import { parseAlumniCsv } from './parse-alumni-csv';

export interface ImportOptions {
  /** Import the good rows and report the bad ones, instead of importing nothing when any row is bad. */
  skipInvalid?: boolean;
  encoding?: CsvEncoding;
  onProgress?: (message: string) => void;
}

/**
 * Imports an HR export of alumni, upserting by employee id in one transaction. `applied` is false when bad
 * rows stopped the import (nothing was written); the report lists every bad row either way. Unreadable
 * files throw UndecodableCsv or InvalidCsvFile.
 */
export async function importAlumniCsv(
  db: Database,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<{ applied: boolean; report: ImportReport }> {
  const text = decodeCsvBytes(bytes, options.encoding);
  const parsed = await parseAlumniCsv(text, (rows) => options.onProgress?.(`read ${rows} rows`));
  if (parsed.errors.length > 0 && !options.skipInvalid) {
    return { applied: false, report: { imported: 0, updated: 0, skipped: 0, errors: parsed.errors, erased: [] } };
  }
  const counts = await db.transaction((tx) =>
    upsertAlumni(tx, parsed.alumni, (done) => options.onProgress?.(`stored ${done} of ${parsed.alumni.length} alumni`)),
  );
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
  };
}
