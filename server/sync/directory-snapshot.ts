import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gunzip, gzip } from 'node:zlib';
import { DIRECTORY_SNAPSHOT_FORMAT, type Role, type SnapshotHeader } from '../../utils/api';
import { INDEX_FORMAT } from '../../utils/recognition';
import { BatchPacer } from '../console/batch-pacer';
import { yieldToEventLoop } from '../console/yield';
import type { Queryable } from '../db/database';
import { directoryPageAt, removalsAfter } from '../store/alumni';
import { SnapshotThread } from './snapshot-thread';
import { serialisedIndexOfLines } from './snapshot-index';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
const gunzipAsync = promisify(gunzip);

/**
 * Roles that see the same directory share a snapshot: admins and recruiters are served rehire eligibility, sales
 * are not (server/store/alumni.ts, present()).
 */
export type SnapshotView = 'with-rehire' | 'without-rehire';
const viewOf = (role: Role): SnapshotView => (role === 'admin' || role === 'recruiter' ? 'with-rehire' : 'without-rehire');
const roleOf: Record<SnapshotView, Role> = { 'with-rehire': 'recruiter', 'without-rehire': 'sales' };

/** A snapshot of the directory as one view sees it, built once and served to every client of it. */
export interface DirectorySnapshot {
  view: SnapshotView;
  /** The change number its cursor stands at: every change up to it is in the snapshot. The version the ETag names. */
  version: number;
  count: number;
  /** Who is in it, to tell whether a removal since concerns it. */
  ids: ReadonlySet<string>;
  /**
   * Removals up to this change number are known not to concern it (it grows as requests look). Below `version`
   * when someone it holds was removed while it was being built: then it is never served.
   */
  removalsCheckedUpTo: number;
  etag: string;
  /** The body, gzip-compressed; brotli (smaller) once it is ready, and plain made from the gzip on demand. */
  gzip: Buffer;
  brotli: Buffer | null;
  /** Bytes of the uncompressed body. */
  size: number;
}

export interface SnapshotOptions {
  /**
   * Changes since a snapshot was built after which it is rebuilt. Until then it is served as it is: clients
   * catch up from its cursor with a delta, so a snapshot a few changes old is as correct as a fresh one.
   */
  rebuildAfterChanges?: (count: number) => number;
  /** Build both views when the server starts (default), so the first client does not wait for one. */
  prebuild?: boolean;
  /**
   * Directories from this many alumni have their index and compressed bodies made in a worker thread at the lowest
   * priority (smaller ones take milliseconds on the event loop and libuv's pool).
   */
  indexThreadFrom?: number;
  /**
   * Milliseconds between two rebuilds for staleness alone (default 2 minutes): while a large import streams in, the
   * kept snapshot and a delta serve clients instead of a rebuild after every 2 %. Removals never wait for this.
   */
  rebuildInterval?: number;
}

const defaultRebuildAfter = (count: number) => Math.max(1000, Math.floor(count / 50));
/** How long one look at the changes since a snapshot is trusted: many clients starting at once cost one query. */
const CHECK_MS = 1000;
/** Removals read per query when checking whether a snapshot still holds only recognised alumni. */
const REMOVALS_PER_LOOK = 1000;
/** Brotli at this quality is about a tenth smaller than gzip -6 here; made once per snapshot, off the event loop. */
const BROTLI_QUALITY = 9;

/**
 * Builds each view's snapshot once per directory version and keeps it in memory (compressed), so a first sync
 * costs the server a lookup instead of presenting and serialising every record again. One build per view runs at
 * a time; while a newer one is built, the previous snapshot is still served, unless someone in it was erased.
 */
export class DirectorySnapshots {
  private readonly built = new Map<SnapshotView, DirectorySnapshot>();
  /** When each view's last build finished (performance.now()). */
  private readonly builtAt = new Map<SnapshotView, number>();
  private readonly building = new Map<SnapshotView, Promise<DirectorySnapshot>>();
  /** The last count of changes per view, or the one under way: twenty clients starting at once share one query. */
  private readonly checked = new Map<SnapshotView, { at: number; snapshot: DirectorySnapshot; changed: Promise<number> }>();
  private readonly rebuildAfter: (count: number) => number;
  private readonly thread = new SnapshotThread();
  /** The last index built, reused by the other view when nothing changed in between. */
  private lastIndex: { version: number; serialized: Promise<Buffer> } | null = null;
  private closed = false;

  constructor(
    private readonly db: Queryable,
    private readonly options: SnapshotOptions = {},
  ) {
    this.rebuildAfter = options.rebuildAfterChanges ?? defaultRebuildAfter;
  }

  /** Builds both views in the background (at start-up), one after the other. */
  prebuild(): void {
    if (this.options.prebuild === false) return;
    void (async () => {
      for (const view of ['with-rehire', 'without-rehire'] as const) await this.build(view);
    })().catch((error: unknown) => {
      if (!this.closed) console.error('Building the directory snapshots failed:', error);
    });
  }

  /**
   * The snapshot to serve `role` now: the kept one unless too much changed since (then a new one is built and the
   * kept one served meanwhile, unless more changed than it holds), or unless someone in it was erased or withdrew
   * consent since it was built: their record is never served again, so the request waits for a snapshot built
   * after that.
   */
  async current(role: Role): Promise<DirectorySnapshot> {
    const view = viewOf(role);
    const kept = this.built.get(view);
    if (!kept) return this.build(view);
    const limit = this.rebuildAfter(kept.count);
    const { changed, removed } = await this.changesSince(view, kept, Math.max(limit, kept.count));
    if (removed) {
      // The first request to see it starts a build that begins after the removal; the others join it.
      if (this.built.get(view) !== kept) return this.build(view);
      this.built.delete(view);
      return this.build(view, true);
    }
    if (changed <= limit) return kept;
    // Staler than it is big: a delta would cost more than waiting for a new one.
    if (changed > kept.count) return this.build(view);
    // A little stale: served while a new one is built, at most once per interval (an import may still be running).
    if (performance.now() - (this.builtAt.get(view) ?? -Infinity) >= (this.options.rebuildInterval ?? 120_000)) {
      this.build(view).catch((error: unknown) => console.error('Rebuilding the directory snapshot failed:', error));
    }
    return kept;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.thread.close();
    await Promise.allSettled([...this.building.values()]);
  }

  /**
   * Whether anyone was removed from recognition since `snapshot` was built (asked every time: one index lookup),
   * and how many records changed since, up to `countUpTo` (counted at most once a second per view).
   */
  private async changesSince(view: SnapshotView, snapshot: DirectorySnapshot, countUpTo: number) {
    const removed = await this.removedSince(snapshot);
    const last = this.checked.get(view);
    if (last && last.snapshot === snapshot && performance.now() - last.at < CHECK_MS) return { changed: await last.changed, removed };
    // Counted at most once a second (an index range scan of up to a whole directory: 60–250 ms on PGlite under load,
    // and ten clients asking together used to make ten of them, one after another on its one connection).
    const counting = this.db
      .query<{ changed: number }>('SELECT count(*)::int AS changed FROM (SELECT 1 FROM alumni WHERE seq > $1 LIMIT $2) AS recent', [
        snapshot.version,
        countUpTo + 1,
      ])
      .then(([row]) => row.changed);
    const entry = { at: performance.now(), snapshot, changed: counting };
    this.checked.set(view, entry);
    counting.catch(() => {
      if (this.checked.get(view) === entry) this.checked.delete(view);
    });
    const changed = await counting;
    return { changed, removed };
  }

  /**
   * Whether anyone it holds was erased or withdrew consent since it was built. Rows that are not recognised and
   * were never in it (an import's alumni without consent) do not count: they made every client wait for a new
   * snapshot of the whole directory. Each removal is looked at once per snapshot; usually the query finds none.
   */
  private async removedSince(snapshot: DirectorySnapshot): Promise<boolean> {
    if (snapshot.removalsCheckedUpTo < snapshot.version) return true;
    for (;;) {
      const removals = await removalsAfter(this.db, snapshot.removalsCheckedUpTo, REMOVALS_PER_LOOK);
      for (const { id, seq } of removals) {
        if (snapshot.ids.has(id)) return true;
        snapshot.removalsCheckedUpTo = Math.max(snapshot.removalsCheckedUpTo, seq);
      }
      if (removals.length < REMOVALS_PER_LOOK) return false;
    }
  }

  /** The build running for `view`, or a new one; `fresh`: a new one even if one runs (it starts after that one). */
  private build(view: SnapshotView, fresh = false): Promise<DirectorySnapshot> {
    const running = this.building.get(view);
    if (running && !fresh) return running;
    const next: Promise<DirectorySnapshot> = (running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.buildNow(view))
      .finally(() => {
        if (this.building.get(view) === next) this.building.delete(view);
      });
    this.building.set(view, next);
    void next
      .then((snapshot) => {
        this.built.set(view, snapshot);
        this.builtAt.set(view, performance.now());
      })
      .catch(() => undefined);
    return next;
  }

  /**
   * Pages through the directory as a first sync does (the same presented records, the same signed cursor), in
   * steps of about 10 ms with the event loop free between them; the index and the compression of a large directory
   * are made in the snapshot thread, at a lower priority than requests.
   */
  private async buildNow(view: SnapshotView): Promise<DirectorySnapshot> {
    if (this.closed) throw new Error('The server is stopping');
    const ids: string[] = [];
    /** Changes made while it pages: someone it already holds may be removed further on. */
    const removedWhileBuilding: string[] = [];
    let version = 0;
    const showcased: string[] = [];
    const pages: Buffer[] = [];
    const pacer = new BatchPacer({ targetMs: 10, initial: 200, min: 50, max: 5000 });
    let cursor: string | undefined;
    for (;;) {
      if (this.closed) throw new Error('The server is stopping');
      const began = performance.now();
      const { page, seq } = await directoryPageAt(this.db, roleOf[view], cursor, pacer.size);
      version = seq;
      removedWhileBuilding.push(...page.removed);
      const lines: string[] = [];
      for (const alumnus of page.alumni) {
        lines.push(`${JSON.stringify(alumnus)}\n`);
        ids.push(alumnus.id);
        if (alumnus.showcase) showcased.push(alumnus.id);
      }
      pages.push(Buffer.from(lines.join(''), 'utf8'));
      pacer.measured(Math.max(1, page.alumni.length), performance.now() - began);
      cursor = page.cursor;
      if (page.complete) break;
      await yieldToEventLoop();
    }
    const inThread = ids.length >= (this.options.indexThreadFrom ?? 2000);
    // For the thread, in shared memory: it reads the records three times (index, gzip, brotli) without a copy here.
    const records = inThread ? await sharedCopy(pages) : Buffer.concat(pages);
    const index = await this.indexOf(version, records, inThread);
    const header: SnapshotHeader = {
      format: DIRECTORY_SNAPSHOT_FORMAT,
      cursor: cursor!,
      count: ids.length,
      ids,
      showcased,
      index: { format: INDEX_FORMAT, bytes: index.length },
    };
    // The body is header, index and records; the thread puts it together (a copy of tens of megabytes), and this
    // thread never needs it whole (a client that takes no compression gets it unzipped from the gzip form).
    const parts = [Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), index, records];
    const size = parts.reduce((sum, part) => sum + part.length, 0);
    const body = inThread ? null : Buffer.concat(parts);
    const idSet = new Set(ids);
    const snapshot: DirectorySnapshot = {
      view,
      version,
      count: ids.length,
      ids: idSet,
      removalsCheckedUpTo: removedWhileBuilding.some((id) => idSet.has(id)) ? -1 : version,
      etag: `W/"directory-snapshot-2-${view}-${version}"`,
      gzip: body ? await gzipAsync(body, { level: 6 }) : await this.thread.gzip(parts),
      brotli: null,
      size,
    };
    // Brotli takes longer: gzip is served until it is ready.
    const brotli = body
      ? brotliAsync(body, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
        })
      : this.thread.brotli(parts, BROTLI_QUALITY);
    void brotli
      .then((compressed) => (snapshot.brotli = compressed))
      .catch((error: unknown) => {
        // A server stopping mid-compression is not a failure (gzip is served until then anyway).
        if (!this.closed) console.error('Compressing the directory snapshot with brotli failed:', error);
      });
    return snapshot;
  }

  /** The serialised index of these records, as UTF-8. */
  private indexOf(version: number, records: Uint8Array, inThread: boolean): Promise<Buffer> {
    if (this.lastIndex?.version !== version) {
      this.lastIndex = {
        version,
        serialized: inThread ? this.thread.index(records) : Promise.resolve().then(() => Buffer.from(serialisedIndexOfLines(records), 'utf8')),
      };
    }
    const { serialized } = this.lastIndex;
    serialized.catch(() => {
      if (this.lastIndex?.serialized === serialized) this.lastIndex = null;
    });
    return serialized;
  }
}

/**
 * The pages' bytes in one piece of shared memory, copied a few megabytes at a time with the event loop free in between
 * (one copy of 30 MB held it for tens of milliseconds on a busy machine).
 */
async function sharedCopy(pages: Buffer[]): Promise<Uint8Array> {
  const shared = new Uint8Array(new SharedArrayBuffer(pages.reduce((sum, page) => sum + page.length, 0)));
  let offset = 0;
  let sinceYield = 0;
  for (const page of pages) {
    shared.set(page, offset);
    offset += page.length;
    sinceYield += page.length;
    if (sinceYield >= 4 * 1024 * 1024) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  }
  return shared;
}

/** The body in the encoding the client asked for: brotli when offered and ready, gzip when offered, else plain. */
export async function encodedBody(snapshot: DirectorySnapshot, acceptEncoding: string | undefined): Promise<{ body: Buffer; encoding?: string }> {
  const offered = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name.toLowerCase()),
  );
  if (snapshot.brotli && (offered.has('br') || offered.has('*'))) return { body: snapshot.brotli, encoding: 'br' };
  if (offered.has('gzip') || offered.has('*')) return { body: snapshot.gzip, encoding: 'gzip' };
  if (offered.has('br')) {
    const plain = await gunzipAsync(snapshot.gzip);
    return { body: await brotliAsync(plain, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length } }), encoding: 'br' };
  }
  return { body: await gunzipAsync(snapshot.gzip) };
}
