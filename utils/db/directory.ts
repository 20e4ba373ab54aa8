import type { IDBPTransaction } from 'idb';
import { Alumnus, type RecordLines } from '../api';
import type { Database } from './open';
import { type AlumniLensDB, DirectoryChunk, type StoreName } from './schema';

// The synced directory, stored as it arrived: records are JSON lines packed into chunks of a few hundred, one
// IndexedDB value each, with an index from every alumnus id to its chunk. A first sync of 100,000 alumni is a few
// hundred puts instead of 100,000 (and no record is parsed to store it); a record is parsed, with the contract's
// schema, when it is read to be shown. A delta rewrites only the chunks its records are in.

/** Records per chunk: a read decodes one line of one chunk (~90 KB at 256 records). */
export const CHUNK_RECORDS = 256;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type DirectoryWriter = Pick<IDBPTransaction<AlumniLensDB, ['directory', ...StoreName[]], 'readwrite'>, 'objectStore'>;

const empty = (n: number): DirectoryChunk => ({ n, ids: [], bytes: new Uint8Array(0), ends: new Uint32Array(0), showcased: [] });

/**
 * Splits `lines` into chunks numbered from 0; `showcased` names the records with a published showcase. Each chunk
 * copies its bytes, so the big buffer can go.
 */
export function chunkLines(lines: RecordLines, showcased: ReadonlySet<string>): DirectoryChunk[] {
  const chunks: DirectoryChunk[] = [];
  for (let start = 0, n = 0; start < lines.ids.length; start += CHUNK_RECORDS, n++) {
    const stop = Math.min(start + CHUNK_RECORDS, lines.ids.length);
    const from = start === 0 ? 0 : lines.ends[start - 1];
    const ends = new Uint32Array(stop - start);
    for (let i = start; i < stop; i++) ends[i - start] = lines.ends[i] - from;
    const ids = lines.ids.slice(start, stop);
    chunks.push({ n, ids, bytes: lines.bytes.slice(from, lines.ends[stop - 1]), ends, showcased: ids.filter((id) => showcased.has(id)) });
  }
  return chunks;
}

/** Replaces the whole directory (a snapshot), inside the caller's transaction. */
export async function replaceDirectoryIn(tx: DirectoryWriter, lines: RecordLines, showcased: ReadonlySet<string>): Promise<void> {
  const store = tx.objectStore('directory');
  await store.clear();
  await Promise.all(chunkLines(lines, showcased).map((chunk) => store.put(chunk)));
}

/**
 * Applies a delta's changes (a record, or null for removed) inside the caller's transaction: every changed id
 * leaves the chunk it was in (a removed alumnus's bytes are gone from storage, not just hidden), and the new
 * versions are appended to the last chunk or new ones. Each touched chunk is packed once.
 */
export async function applyDirectoryChangesIn(tx: DirectoryWriter, changes: ReadonlyMap<string, Alumnus | null>): Promise<void> {
  if (changes.size === 0) return;
  const store = tx.objectStore('directory');
  const byId = store.index('by-id');
  const touched = new Map<number, Line[]>();
  const keys = await Promise.all([...changes.keys()].map((id) => byId.getKey(id)));
  for (const key of new Set(keys.filter((k): k is number => typeof k === 'number'))) {
    // A chunk this version cannot read is dropped: its ids are no longer indexed, so it cannot come back stale.
    touched.set(key, linesOf(readable(await store.get(key), key)).filter((line) => !changes.has(line.id)));
  }
  const added = [...changes].filter((change): change is [string, Alumnus] => change[1] !== null);
  if (added.length > 0) {
    const allKeys = (await store.getAllKeys()).filter((k): k is number => typeof k === 'number');
    let last = allKeys.length ? Math.max(...allKeys) : 0;
    let tail = touched.get(last) ?? (allKeys.length ? linesOf(readable(await store.get(last), last)) : []);
    for (const [id, record] of added) {
      if (tail.length >= CHUNK_RECORDS) {
        touched.set(last++, tail);
        tail = [];
      }
      tail.push({ id, bytes: encoder.encode(`${JSON.stringify(record)}\n`), showcased: record.showcase !== undefined });
    }
    touched.set(last, tail);
  }
  await Promise.all([...touched].map(([n, lines]) => (lines.length > 0 ? store.put(packed(n, lines)) : store.delete(n))));
}

/** One record of a chunk: its id, its JSON line, and whether it carries a published showcase. */
interface Line {
  id: string;
  bytes: Uint8Array;
  showcased: boolean;
}

function readable(value: unknown, n: number): DirectoryChunk {
  const chunk = DirectoryChunk.safeParse(value);
  return chunk.success ? chunk.data : empty(n);
}

function linesOf(chunk: DirectoryChunk): Line[] {
  const showcased = new Set(chunk.showcased);
  return chunk.ids.map((id, i) => ({ id, bytes: chunk.bytes.subarray(i === 0 ? 0 : chunk.ends[i - 1], chunk.ends[i]), showcased: showcased.has(id) }));
}

function packed(n: number, lines: readonly Line[]): DirectoryChunk {
  const bytes = new Uint8Array(lines.reduce((sum, line) => sum + line.bytes.length, 0));
  const ends = new Uint32Array(lines.length);
  let offset = 0;
  lines.forEach((line, i) => {
    bytes.set(line.bytes, offset);
    offset += line.bytes.length;
    ends[i] = offset;
  });
  return { n, ids: lines.map((line) => line.id), bytes, ends, showcased: lines.filter((line) => line.showcased).map((line) => line.id) };
}

/** Record `i` of a chunk, parsed with the contract; null when it cannot be read or is not the alumnus it should be. */
function recordAt(chunk: DirectoryChunk, i: number): Alumnus | null {
  try {
    const text = decoder.decode(chunk.bytes.subarray(i === 0 ? 0 : chunk.ends[i - 1], chunk.ends[i]));
    const parsed = Alumnus.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.id === chunk.ids[i] ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The alumni for `ids`, in order: null for one not in the directory or unreadable. One transaction. */
export async function readAlumni(db: Database, ids: readonly string[]): Promise<Array<Alumnus | null>> {
  if (ids.length === 0) return [];
  const tx = db.transaction('directory');
  const byId = tx.store.index('by-id');
  const keys = await Promise.all(ids.map((id) => byId.getKey(id)));
  const chunks = new Map<number, Promise<DirectoryChunk | null>>();
  for (const key of keys) {
    if (typeof key === 'number' && !chunks.has(key))
      chunks.set(key, tx.store.get(key).then((value) => {
        const chunk = DirectoryChunk.safeParse(value);
        return chunk.success ? chunk.data : null;
      }));
  }
  return Promise.all(
    ids.map(async (id, k) => {
      const key = keys[k];
      const chunk = typeof key === 'number' ? await chunks.get(key) : null;
      const i = chunk ? chunk.ids.indexOf(id) : -1;
      return chunk && i >= 0 ? recordAt(chunk, i) : null;
    }),
  );
}

/** Every stored alumnus that can be read, and how many could not (a full index rebuild reads them all). */
export async function readAllAlumni(db: Database): Promise<{ alumni: Alumnus[]; unreadable: number }> {
  const alumni: Alumnus[] = [];
  let unreadable = 0;
  for (const value of await db.getAll('directory')) {
    const chunk = DirectoryChunk.safeParse(value);
    if (!chunk.success) continue;
    for (let i = 0; i < chunk.data.ids.length; i++) {
      const record = recordAt(chunk.data, i);
      if (record) alumni.push(record);
      else unreadable++;
    }
  }
  return { alumni, unreadable };
}

/** The alumni with a published showcase, from the chunks the `by-showcase` index names. */
export async function readAlumniWithShowcase(db: Database): Promise<Alumnus[]> {
  const tx = db.transaction('directory');
  const keys = new Set(await tx.store.index('by-showcase').getAllKeys());
  const alumni: Alumnus[] = [];
  for (const key of keys) {
    const chunk = DirectoryChunk.safeParse(await tx.store.get(key));
    if (!chunk.success) continue;
    for (const id of chunk.data.showcased) {
      const record = recordAt(chunk.data, chunk.data.ids.indexOf(id));
      if (record?.showcase) alumni.push(record);
    }
  }
  return alumni;
}

/** How many alumni the directory holds. */
export function countAlumni(db: Database): Promise<number> {
  return db.countFromIndex('directory', 'by-id');
}
