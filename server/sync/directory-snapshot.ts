import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gunzip, gzip } from 'node:zlib';
import {
  appendRecognitionFields,
  DIRECTORY_SNAPSHOT_FORMAT,
  emptyRecognitionColumns,
  type Role,
  type SnapshotHeader,
} from '../../utils/api';
import type { Queryable } from '../db/database';
import { directoryPage } from '../store/alumni';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
const gunzipAsync = promisify(gunzip);

/** Records read per step while building; between steps the event loop answers other requests. */
const BUILD_PAGE = 1000;

/** A snapshot of the directory as one role sees it, built once and served to every client of that role. */
export interface DirectorySnapshot {
  role: Role;
  /** The highest change number when the build started: the version the ETag names. */
  version: number;
  count: number;
  etag: string;
  /** The NDJSON body, gzip-compressed (what nearly every client asks for); other encodings are made from it. */
  gzip: Buffer;
  /** Bytes of the uncompressed body. */
  size: number;
  /** CPU time of the whole process while it built (compression included, which runs on libuv's pool). */
  buildMs: number;
  brotli?: Promise<Buffer>;
}

export interface SnapshotOptions {
  /**
   * Changes since a snapshot was built after which it is rebuilt. Until then it is served as it is: clients
   * catch up from its cursor with a delta, so a snapshot a few changes old is as correct as a fresh one.
   */
  rebuildAfterChanges?: (count: number) => number;
}

const defaultRebuildAfter = (count: number) => Math.max(1000, Math.floor(count / 50));

/**
 * Builds each role's snapshot once per directory version and keeps it in memory (compressed), so a first sync
 * costs the server a lookup instead of presenting and serialising every record again. One build per role runs
 * at a time; while a newer one is built, the previous snapshot is still served.
 */
export class DirectorySnapshots {
  private readonly built = new Map<Role, DirectorySnapshot>();
  private readonly building = new Map<Role, Promise<DirectorySnapshot>>();
  private readonly rebuildAfter: (count: number) => number;

  constructor(
    private readonly db: Queryable,
    options: SnapshotOptions = {},
  ) {
    this.rebuildAfter = options.rebuildAfterChanges ?? defaultRebuildAfter;
  }

  /**
   * The snapshot to serve `role` now: the kept one unless too much changed since (then a new one is built and the
   * kept one served meanwhile), or unless someone in it was erased or withdrew consent since it was built: their
   * record is never served again, so the request waits for a snapshot built after that.
   */
  async current(role: Role): Promise<DirectorySnapshot> {
    const kept = this.built.get(role);
    if (!kept) return this.build(role);
    const limit = this.rebuildAfter(kept.count);
    const [{ changed, removed }] = await this.db.query<{ changed: number; removed: boolean }>(
      `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM alumni WHERE seq > $1 LIMIT $2) AS recent) AS changed,
              EXISTS (SELECT 1 FROM alumni WHERE seq > $1 AND NOT recognised) AS removed`,
      [kept.version, limit + 1],
    );
    if (removed) {
      // The first request to see it starts a build that begins after the removal; the others join it.
      if (this.built.get(role) !== kept) return this.build(role);
      this.built.delete(role);
      return this.build(role, true);
    }
    if (changed <= limit) return kept;
    // Too old to keep: clients get the old one (still correct) while the new one is built.
    void this.build(role).catch((error: unknown) => console.error('Rebuilding the directory snapshot failed:', error));
    return kept;
  }

  /** The build running for `role`, or a new one; `fresh`: a new one even if one runs (it starts after that one). */
  private build(role: Role, fresh = false): Promise<DirectorySnapshot> {
    const running = this.building.get(role);
    if (running && !fresh) return running;
    const next: Promise<DirectorySnapshot> = (running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => buildSnapshot(this.db, role))
      .finally(() => {
        if (this.building.get(role) === next) this.building.delete(role);
      });
    this.building.set(role, next);
    void next.then((snapshot) => this.built.set(role, snapshot)).catch(() => undefined);
    return next;
  }
}

/** The body in the encoding the client asked for (brotli or gzip when offered, else plain). */
export async function encodedBody(snapshot: DirectorySnapshot, acceptEncoding: string | undefined): Promise<{ body: Buffer; encoding?: string }> {
  const offered = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name.toLowerCase()),
  );
  if (offered.has('br')) {
    snapshot.brotli ??= brotliOf(snapshot.gzip);
    return { body: await snapshot.brotli, encoding: 'br' };
  }
  if (offered.has('gzip') || offered.has('*')) return { body: snapshot.gzip, encoding: 'gzip' };
  return { body: await gunzipAsync(snapshot.gzip) };
}

async function brotliOf(gzipped: Buffer): Promise<Buffer> {
  const plain = await gunzipAsync(gzipped);
  return brotliAsync(plain, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length },
  });
}

/**
 * Pages through the directory as a first sync does (the same presented records, the same cursor), writing one
 * NDJSON line per record and collecting the recognition columns. Yields to the event loop after each page.
 */
async function buildSnapshot(db: Queryable, role: Role): Promise<DirectorySnapshot> {
  const started = process.cpuUsage();
  const [{ version }] = await db.query<{ version: number | null }>('SELECT coalesce(max(seq), 0) AS version FROM alumni');
  const columns = emptyRecognitionColumns();
  const showcased: string[] = [];
  const lines: Buffer[] = [];
  let cursor: string | undefined;
  let size = 0;
  for (;;) {
    const page = await directoryPage(db, role, cursor, BUILD_PAGE);
    for (const alumnus of page.alumni) {
      const line = Buffer.from(`${JSON.stringify(alumnus)}\n`, 'utf8');
      lines.push(line);
      size += line.length;
      appendRecognitionFields(columns, alumnus);
      if (alumnus.showcase) showcased.push(alumnus.id);
    }
    cursor = page.cursor;
    if (page.complete) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const header: SnapshotHeader = { format: DIRECTORY_SNAPSHOT_FORMAT, cursor, count: columns.id.length, recognition: columns, showcased };
  const head = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  const body = Buffer.concat([head, ...lines], head.length + size);
  const compressed = await gzipAsync(body, { level: 6 });
  const cpu = process.cpuUsage(started);
  return {
    role,
    version: Number(version),
    count: columns.id.length,
    etag: `W/"directory-snapshot-1-${role}-${version}"`,
    gzip: compressed,
    size: body.length,
    buildMs: (cpu.user + cpu.system) / 1000,
  };
}
