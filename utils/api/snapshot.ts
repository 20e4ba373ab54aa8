import * as z from 'zod/mini';
import { Alumnus } from './alumnus';
import { HttpUrl, RecordId, ShortText, YearMonth } from './common';

// The directory snapshot (GET /directory/snapshot): a client's first sync in one response. It is NDJSON:
//   line 1   a SnapshotHeader: the delta-sync cursor to continue from, and the fields recognition reads, in columns;
//   line 2…  one Alumnus per line, exactly as the delta pages serve it, in the columns' order.
// A client parses the small header (zod, column by column) to build its recognition index at once, and keeps the
// records as the bytes it received, parsing each one (zod again) when it is shown.

export const DIRECTORY_SNAPSHOT_FORMAT = 'alumni-lens/directory-snapshot/1';
export const DIRECTORY_SNAPSHOT_TYPE = 'application/x-ndjson';

/** What of an alumnus the recognition index reads: the rest of the record is only shown. */
export type RecognitionFields = Pick<Alumnus, 'id' | 'names' | 'profileUrls' | 'currentEmployer'> & {
  tenure: Array<Pick<Alumnus['tenure'][number], 'from' | 'to'>>;
  consent: Pick<Alumnus['consent'], 'recognition'>;
};

const column = <T extends z.core.$ZodType>(item: T) => z.array(item);
const optional = <T extends z.core.$ZodType>(item: T) => z.array(z.nullable(item));

/** RecognitionFields of every record, one array per field, all as long as `count`. */
export const RecognitionColumns = z.object({
  id: column(RecordId),
  display: column(ShortText),
  kana: optional(ShortText),
  latin: optional(ShortText),
  former: optional(z.array(ShortText).check(z.maxLength(20))),
  profileUrls: optional(z.array(HttpUrl).check(z.maxLength(20))),
  /** Each record's tenures as [from, to, from, to, …]. */
  tenure: column(z.array(YearMonth).check(z.maxLength(100))),
  employer: optional(ShortText),
  employerOrgId: optional(RecordId),
  recognition: column(z.boolean()),
});
export type RecognitionColumns = z.infer<typeof RecognitionColumns>;

export const SnapshotHeader = z
  .object({
    format: z.literal(DIRECTORY_SNAPSHOT_FORMAT),
    /** Continue with GET /directory?since=cursor for what changed after the snapshot. */
    cursor: z.string().check(z.maxLength(200)),
    count: z.number().check(z.int(), z.gte(0)),
    recognition: RecognitionColumns,
    /** Ids of the records that carry a published showcase (the client indexes them for matching offers). */
    showcased: z.array(RecordId),
  })
  .check(
    z.refine((header) => Object.values(header.recognition).every((values) => values.length === header.count), {
      message: 'every recognition column must hold `count` values',
      path: ['recognition'],
    }),
  )
  .register(z.globalRegistry, { id: 'DirectorySnapshotHeader' });
export type SnapshotHeader = z.infer<typeof SnapshotHeader>;

export function emptyRecognitionColumns(): RecognitionColumns {
  return { id: [], display: [], kana: [], latin: [], former: [], profileUrls: [], tenure: [], employer: [], employerOrgId: [], recognition: [] };
}

/** Appends one record's recognition fields to the columns (the server, building a snapshot). */
export function appendRecognitionFields(columns: RecognitionColumns, alumnus: RecognitionFields): void {
  columns.id.push(alumnus.id);
  columns.display.push(alumnus.names.display);
  columns.kana.push(alumnus.names.kana ?? null);
  columns.latin.push(alumnus.names.latin ?? null);
  columns.former.push(alumnus.names.former?.length ? alumnus.names.former : null);
  columns.profileUrls.push(alumnus.profileUrls?.length ? alumnus.profileUrls : null);
  columns.tenure.push(alumnus.tenure.flatMap((t) => [t.from, t.to]));
  columns.employer.push(alumnus.currentEmployer?.name ?? null);
  columns.employerOrgId.push(alumnus.currentEmployer?.organizationId ?? null);
  columns.recognition.push(alumnus.consent.recognition);
}

/** Record `i` of the columns (the client, building its index). */
export function recognitionFieldsAt(columns: RecognitionColumns, i: number): RecognitionFields {
  const tenure: RecognitionFields['tenure'] = [];
  const months = columns.tenure[i];
  for (let k = 0; k + 1 < months.length; k += 2) tenure.push({ from: months[k], to: months[k + 1] });
  const kana = columns.kana[i];
  const latin = columns.latin[i];
  const former = columns.former[i];
  const employer = columns.employer[i];
  const organizationId = columns.employerOrgId[i];
  return {
    id: columns.id[i],
    names: { display: columns.display[i], ...(kana ? { kana } : {}), ...(latin ? { latin } : {}), ...(former ? { former } : {}) },
    ...(columns.profileUrls[i] ? { profileUrls: columns.profileUrls[i]! } : {}),
    tenure,
    ...(employer ? { currentEmployer: { name: employer, ...(organizationId ? { organizationId } : {}) } } : {}),
    consent: { recognition: columns.recognition[i] },
  };
}

/** A snapshot's records as the JSON lines they arrived as: record i is bytes[ends[i - 1] .. ends[i]), id ids[i]. */
export interface RecordLines {
  ids: string[];
  bytes: Uint8Array;
  ends: Uint32Array;
}

/**
 * Finds the lines of NDJSON bytes (one record a line, each ending in \n), which `ids` name in order; null when
 * there are more or fewer lines than ids. Lines keep their newlines (JSON.parse ignores them).
 */
export function splitRecordLines(bytes: Uint8Array, ids: string[]): RecordLines | null {
  const ends = new Uint32Array(ids.length);
  let count = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) {
    if (count === ids.length) return null;
    ends[count++] = at + 1;
  }
  const last = count === 0 ? 0 : ends[count - 1];
  return count === ids.length && last === bytes.length ? { ids, bytes, ends } : null;
}
