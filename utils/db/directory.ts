import type { IDBPTransaction } from 'idb';
import { Alumnus, type RecordLines } from '../api';
import type { Database } from './open';
import { type AlumniLensDB, DirectoryChunk, DirectoryMap, type StoreName } from './schema';

// The synced directory, stored as it arrived: records are JSON lines packed into chunks of a few hundred, one
// IndexedDB value each, and one map (meta `directoryMap`) says which chunk holds each alumnus and who has a
// published showcase. A first sync of 100,000 alumni is a few hundred puts and one map instead of 100,000 records
// (and no record is parsed to store it; an IndexedDB index over the ids tripled the time); a record is parsed,
// with the contract's schema, when it is read to be shown. A delta rewrites only the chunks its records are in.

/** Records per chunk: a read decodes one line of one chunk (~90 KB at 256 records). */
export const CHUNK_RECORDS = 256;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type DirectoryWriter = Pick<IDBPTransaction<AlumniLensDB, ['directory', 'meta', ...StoreName[]], 'readwrite'>, 'objectStore'>;
type DirectoryReader = Pick<IDBPTransaction<AlumniLensDB, ['directory', 'meta', ...StoreName[]], IDBTransactionMode>, 'objectStore'>;

const empty = (n: number): DirectoryChunk => ({ n, ids: [], bytes: new Uint8Array(0), ends: new Uint32Array(0) });

/** Where each alumnus is, read from the map once per worker and dropped whenever the directory is written. */
interface Lookup {
  db: Database;
  chunkOf: Map<string, number>;
  showcased: string[];
}
let lookup: Lookup | null = null;
/** Bumped by every write, so a lookup read while one was under way is not kept. */
let writes = 0;
const written = () => {
  writes++;
  lookup = null;
};

/**
 * A snapshot's records while they are being stored: recognition starts before the write ends, and the cards it
 * leads to read the records from memory until then. Only one is held at a time.
 */
let held: { db: Database; lines: RecordLines; showcased: readonly string[]; position: Map<string, number> | null } | null = null;

/** Keeps `lines` readable (readAlumni, countAlumni…) until the returned release is called. */
export function holdRecords(db: Database, lines: RecordLines, showcased: readonly string[]): () => void {
  const holding = { db, lines, showcased, position: null };
  held = holding;
  return () => {
    if (held === holding) held = null;
  };
}

function heldRecord(lines: RecordLines, i: number): Alumnus | null {
  try {
    const parsed = Alumnus.safeParse(JSON.parse(decoder.decode(lines.bytes.subarray(i === 0 ? 0 : lines.ends[i - 1], lines.ends[i]))));
    return parsed.success && parsed.data.id === lines.ids[i] ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Splits `lines` into chunks numbered from 0. Each chunk copies its bytes, so the big buffer can go. */
export function chunkLines(lines: RecordLines): DirectoryChunk[] {
  const chunks: DirectoryChunk[] = [];
  for (let start = 0, n = 0; start < lines.ids.length; start += CHUNK_RECORDS, n++) {
    const stop = Math.min(start + CHUNK_RECORDS, lines.ids.length);
    const from = start === 0 ? 0 : lines.ends[start - 1];
    const ends = new Uint32Array(stop - start);
    for (let i = start; i < stop; i++) ends[i - start] = lines.ends[i] - from;
    chunks.push({ n, ids: lines.ids.slice(start, stop), bytes: lines.bytes.slice(from, lines.ends[stop - 1]), ends });
  }
  return chunks;
}

/** Replaces the whole directory (a snapshot), inside the caller's transaction; `showcased` as the header lists them. */
export async function replaceDirectoryIn(tx: DirectoryWriter, lines: RecordLines, showcased: readonly string[]): Promise<void> {
  written();
  const store = tx.objectStore('directory');
  await store.clear();
  const chunks = new Uint32Array(lines.ids.length);
  for (let i = 0; i < chunks.length; i++) chunks[i] = Math.floor(i / CHUNK_RECORDS);
  const known = new Set(lines.ids);
  await Promise.all([
    ...chunkLines(lines).map((chunk) => store.put(chunk)),
    putMap(tx, { ids: lines.ids, chunks, showcased: showcased.filter((id) => known.has(id)) }),
  ]);
}

/** Empties the directory inside the caller's transaction (a resync from scratch, another backend). */
export async function clearDirectoryIn(tx: DirectoryWriter): Promise<void> {
  written();
  await Promise.all([tx.objectStore('directory').clear(), tx.objectStore('meta').delete('directoryMap')]);
}

/**
 * Applies a delta's changes (a record, or null for removed) inside the caller's transaction: every changed id
 * leaves the chunk it was in (a removed alumnus's bytes are gone from storage, not just hidden), and the new
 * versions are appended to the last chunk or new ones. Each touched chunk is packed once, the map written once.
 */
export async function applyDirectoryChangesIn(tx: DirectoryWriter, changes: ReadonlyMap<string, Alumnus | null>): Promise<void> {
  if (changes.size === 0) return;
  written();
  const store = tx.objectStore('directory');
  const map = await readMap(tx);
  const touched = new Map<number, Line[]>();
  const kept: Array<[string, number]> = [];
  for (let i = 0; i < map.ids.length; i++) {
    if (changes.has(map.ids[i])) touched.set(map.chunks[i], []);
    else kept.push([map.ids[i], map.chunks[i]]);
  }
  for (const n of touched.keys()) {
    // A chunk this version cannot read is dropped with everyone in it: they are no longer in the map either.
    touched.set(n, linesOf(readable(await store.get(n), n)).filter((line) => !changes.has(line.id)));
  }
  const showcased = new Set(map.showcased.filter((id) => !changes.has(id)));
  const added = [...changes].filter((change): change is [string, Alumnus] => change[1] !== null);
  if (added.length > 0) {
    let last = map.chunks.reduce((max, n) => Math.max(max, n), -1);
    let tail = last < 0 ? [] : (touched.get(last) ?? linesOf(readable(await store.get(last), last)));
    if (last < 0) last = 0;
    for (const [id, record] of added) {
      if (tail.length >= CHUNK_RECORDS) {
        touched.set(last++, tail);
        tail = [];
      }
      tail.push({ id, bytes: encoder.encode(`${JSON.stringify(record)}\n`) });
      if (record.showcase !== undefined) showcased.add(id);
    }
    touched.set(last, tail);
  }
  // The map follows what the chunks now hold.
  const where = new Map(kept);
  for (const [n, lines] of touched) for (const line of lines) where.set(line.id, n);
  await Promise.all([
    ...[...touched].map(([n, lines]) => (lines.length > 0 ? store.put(packed(n, lines)) : store.delete(n))),
    putMap(tx, { ids: [...where.keys()], chunks: Uint32Array.from(where.values()), showcased: [...showcased].filter((id) => where.has(id)) }),
  ]);
}

/** One record of a chunk: its id and its JSON line. */
interface Line {
  id: string;
  bytes: Uint8Array;
}

function readable(value: unknown, n: number): DirectoryChunk {
  const chunk = DirectoryChunk.safeParse(value);
  return chunk.success ? chunk.data : empty(n);
}

function linesOf(chunk: DirectoryChunk): Line[] {
  return chunk.ids.map((id, i) => ({ id, bytes: chunk.bytes.subarray(i === 0 ? 0 : chunk.ends[i - 1], chunk.ends[i]) }));
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
  return { n, ids: lines.map((line) => line.id), bytes, ends };
}

function putMap(tx: DirectoryWriter, map: DirectoryMap): Promise<unknown> {
  return tx.objectStore('meta').put(map, 'directoryMap');
}

/**
 * The stored map; when it is missing or unreadable while chunks exist (damaged storage), it is made again from
 * the chunks' own ids, so nothing stored is lost to a bad map.
 */
async function readMap(tx: DirectoryReader): Promise<DirectoryMap> {
  const parsed = DirectoryMap.safeParse(await tx.objectStore('meta').get('directoryMap'));
  if (parsed.success) return parsed.data;
  const ids: string[] = [];
  const chunks: number[] = [];
  for (const value of await tx.objectStore('directory').getAll()) {
    const chunk = DirectoryChunk.safeParse(value);
    if (!chunk.success) continue;
    for (const id of chunk.data.ids) {
      ids.push(id);
      chunks.push(chunk.data.n);
    }
  }
  return { ids, chunks: Uint32Array.from(chunks), showcased: [] };
}

async function lookupIn(db: Database): Promise<Lookup> {
  if (lookup?.db === db) return lookup;
  const before = writes;
  const map = await readMap(db.transaction(['directory', 'meta']));
  const chunkOf = new Map<string, number>();
  map.ids.forEach((id, i) => chunkOf.set(id, map.chunks[i]));
  const found = { db, chunkOf, showcased: map.showcased };
  if (writes === before) lookup = found;
  return found;
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
  if (held?.db === db) {
    const holding = held;
    holding.position ??= new Map(holding.lines.ids.map((id, i) => [id, i]));
    return ids.map((id) => {
      const i = holding.position!.get(id);
      return i === undefined ? null : heldRecord(holding.lines, i);
    });
  }
  const { chunkOf } = await lookupIn(db);
  const store = db.transaction('directory').store;
  const chunks = new Map<number, Promise<DirectoryChunk | null>>();
  for (const id of ids) {
    const n = chunkOf.get(id);
    if (n !== undefined && !chunks.has(n)) chunks.set(n, store.get(n).then((value) => DirectoryChunk.safeParse(value).data ?? null));
  }
  return Promise.all(
    ids.map(async (id) => {
      const n = chunkOf.get(id);
      const chunk = n === undefined ? null : await chunks.get(n);
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

/** The alumni with a published showcase, as the map lists them. */
export async function readAlumniWithShowcase(db: Database): Promise<Alumnus[]> {
  const { showcased } = held?.db === db ? held : await lookupIn(db);
  return (await readAlumni(db, showcased)).filter((alumnus): alumnus is Alumnus => alumnus?.showcase !== undefined);
}

/** How many alumni the directory holds. */
export async function countAlumni(db: Database): Promise<number> {
  if (held?.db === db) return held.lines.ids.length;
  return (await lookupIn(db)).chunkOf.size;
}
