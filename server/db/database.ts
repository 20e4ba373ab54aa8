import type { PgliteHome } from './pglite-thread';

/**
 * One database interface over embedded PGlite and a real PostgreSQL (node-postgres), so every store
 * runs the same SQL on both. Rows come back as plain objects; jsonb is parsed, timestamptz is a Date.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs several statements separated by semicolons (migrations); no parameters. */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * The same database for bulk work (sync pages, snapshot builds, imports, the console's search refresh): on PGlite
   * its statements wait while a request's statements wait; on PostgreSQL it has its own few connections, so bulk
   * work never holds every connection a request needs.
   */
  readonly background: Database;
  close(): Promise<void>;
  /** PGlite: how many fsyncs of WAL files its thread made so far (the durability test watches commits with it). */
  walFsyncs?(): number;
}

export type DatabaseLocation =
  /**
   * `durability: 'none'` turns fsync off (the benchmark's baseline only; see db/durable-nodefs.ts). `home`: PGlite in
   * its own thread (default) or in this one (one-shot CLI commands; db/pglite-thread.ts).
   */
  | { dataDir: string; durability?: 'fsync' | 'none'; home?: PgliteHome }
  | { databaseUrl: string }
  | { inMemory: true };

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if ('databaseUrl' in location) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(location.databaseUrl);
  }
  const { openPgliteThread } = await import('./pglite-thread');
  return 'dataDir' in location ? openPgliteThread(location.dataDir, location.durability, location.home) : openPgliteThread();
}

/**
 * Writers of synced tables take this lock first, so change numbers are handed out in commit order
 * and a delta-sync reader can never skip a change that commits later with a smaller number.
 */
export async function lockSyncedWrites(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7411001)');
}
