import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { DurableNodeFS, durableStartParams } from './durable-nodefs';

/**
 * Embedded PostgreSQL in WebAssembly: on disk in `dataDir`, or in memory when it is absent. On disk every
 * commit is fsynced before it is acknowledged; `durability: 'none'` is PGlite's own default (fsync off),
 * kept only as the benchmark's baseline and for throwaway folders. `onFsync` hears the path of every file fsynced.
 * The server opens it in its own thread (pglite-host.ts), which also holds the data folder's lock. `wasmModule`: PGlite
 * already compiled (pglite-thread.ts compiles it once per process), else PGlite compiles its own.
 */
export async function createPglite(
  dataDir?: string,
  durability: 'fsync' | 'none' = 'fsync',
  onFsync?: (path: string) => void,
  wasmModule?: WebAssembly.Module,
): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const compiled = wasmModule && { pgliteWasmModule: wasmModule };
  // See durable-nodefs.ts; in memory there is nothing to sync.
  return dataDir && durability === 'fsync'
    ? PGlite.create({ fs: new DurableNodeFS(dataDir, onFsync), startParams: durableStartParams(PGlite.defaultStartParams), ...compiled })
    : PGlite.create(dataDir, compiled);
}
