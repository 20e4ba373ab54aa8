import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';
import { DurableNodeFS, durableStartParams } from './durable-nodefs';
import { lockDataFolder } from './folder-lock';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await target.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL in WebAssembly: on disk in `dataDir`, or in memory when it is absent. On disk every
 * commit is fsynced before it is acknowledged; `durability: 'none'` is PGlite's own default (fsync off),
 * kept only as the benchmark's baseline and for throwaway folders.
 */
export async function openPglite(dataDir?: string, durability: 'fsync' | 'none' = 'fsync'): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataFolder(dataDir) : () => undefined;
  let pglite: PGlite;
  try {
    // See durable-nodefs.ts; in memory there is nothing to sync.
    pglite =
      dataDir && durability === 'fsync'
        ? await PGlite.create({ fs: new DurableNodeFS(dataDir), startParams: durableStartParams(PGlite.defaultStartParams) })
        : await PGlite.create(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    async close() {
      try {
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}
