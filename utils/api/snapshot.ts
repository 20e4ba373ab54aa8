import * as z from 'zod/mini';
import type { Alumnus } from './alumnus';
import { RecordId } from './common';

// The directory snapshot (GET /directory/snapshot): a client's first sync in one response.
//   line 1     a SnapshotHeader (JSON): the delta-sync cursor to continue from, the records' ids in order, the ids
//              with a published showcase, and the size of the recognition index that follows;
//   index      `index.bytes` bytes: the serialised recognition index of exactly these records (UTF-8), built by the
//              server with the same engine (utils/recognition), so a client loads it instead of building it;
//   records    one Alumnus per line (NDJSON), exactly as the delta pages serve them, in the ids' order.
// A client parses the small header with zod, loads the index (the engine checks its format and structure, and the
// client checks it names exactly the header's ids), and keeps the records as the bytes it received, parsing each
// one (zod again) when it is shown.

export const DIRECTORY_SNAPSHOT_FORMAT = 'alumni-lens/directory-snapshot/2';
export const DIRECTORY_SNAPSHOT_TYPE = 'application/x-alumni-lens-snapshot';

/** What of an alumnus the recognition index reads: the rest of the record is only shown. */
export type RecognitionFields = Pick<Alumnus, 'id' | 'names' | 'profileUrls' | 'currentEmployer'> & {
  tenure: Array<Pick<Alumnus['tenure'][number], 'from' | 'to'>>;
  consent: Pick<Alumnus['consent'], 'recognition'>;
};

export const SnapshotHeader = /* @__PURE__ */ z
  .object({
    format: z.literal(DIRECTORY_SNAPSHOT_FORMAT),
    /** Continue with GET /directory?since=cursor for what changed after the snapshot. */
    cursor: z.string().check(z.maxLength(200)),
    count: z.number().check(z.int(), z.gte(0)),
    /** The records' ids, in the order of the lines. */
    ids: z.array(RecordId),
    /** Ids of the records that carry a published showcase (the client indexes them for matching offers). */
    showcased: z.array(RecordId),
    /** The recognition index between the header and the records: its engine format and its length in bytes. */
    index: z.object({ format: z.string().check(z.maxLength(100)), bytes: z.number().check(z.int(), z.gte(0)) }),
  })
  .check(
    z.refine((header) => header.ids.length === header.count, { message: 'ids must name `count` records', path: ['ids'] }),
  )
  .register(z.globalRegistry, { id: 'DirectorySnapshotHeader' });
export type SnapshotHeader = z.infer<typeof SnapshotHeader>;

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
