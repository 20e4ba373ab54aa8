import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite's data folder on disk, with fsync that reaches the disk.
 *
 * PGlite starts PostgreSQL with `-F` (fsync off), and its Node filesystem (Emscripten's NODEFS) has no
 * fsync of its own: PostgreSQL's fsync() becomes a no-op and fdatasync() too, so a commit is acknowledged
 * while its WAL is still only in the OS page cache — an OS crash or power cut can lose it or corrupt the
 * folder (a kill -9 of the server alone loses nothing: the kernel still holds the writes). `relaxedDurability`
 * (default false) only decides whether PGlite awaits its own syncToFs(), which NodeFS does not implement.
 *
 * So this filesystem gives NODEFS an fsync that calls the operating system's, and the server starts PostgreSQL
 * with `fsync=on` and `wal_sync_method=fsync` (fdatasync, PostgreSQL's default on Linux, stays a no-op in
 * Emscripten): each commit fsyncs its WAL before it is acknowledged, and checkpoints fsync the data files.
 */
export class DurableNodeFS extends NodeFS {
  /** `onFsync` hears the path of each file or folder fsynced (the durability test counts WAL fsyncs with it). */
  constructor(
    dataDir: string,
    private readonly onFsync: (path: string) => void = () => undefined,
  ) {
    super(dataDir);
  }

  async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, opts);
    const preRun = [...(result.emscriptenOpts.preRun ?? [])];
    preRun.push((mod: unknown) => installFsync(mod, this.onFsync));
    return { emscriptenOpts: { ...result.emscriptenOpts, preRun } };
  }
}

interface EmscriptenNodefs {
  NODEFS?: {
    stream_ops?: Record<string, unknown>;
    realPath(node: unknown): string;
  };
}

function installFsync(mod: unknown, onFsync: (path: string) => void): void {
  const nodefs = (mod as EmscriptenNodefs).NODEFS;
  // A PGlite release that changes this would silently be back to no fsync: refuse to start instead.
  if (!nodefs?.stream_ops || typeof nodefs.realPath !== 'function') {
    throw new Error('This PGlite version does not expose NODEFS as expected: durable writes cannot be guaranteed.');
  }
  nodefs.stream_ops.fsync = (stream: { nfd?: number; node: unknown }) => {
    const path = nodefs.realPath(stream.node);
    if (stream.nfd !== undefined) {
      fs.fsyncSync(stream.nfd);
    } else {
      // A directory (PostgreSQL fsyncs pg_wal and the like after creating or renaming files in them).
      const fd = fs.openSync(path, 'r');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
    onFsync(path);
    return 0;
  };
}

/** PGlite's own start parameters, without `-F` (fsync off), with WAL flushed through fsync at every commit. */
export function durableStartParams(defaults: readonly string[]): string[] {
  const params = defaults.filter((param) => param !== '-F');
  return [...params, '-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'wal_sync_method=fsync', '-c', 'full_page_writes=on'];
}
