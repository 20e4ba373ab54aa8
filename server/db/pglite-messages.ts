import { z } from 'zod';

/**
 * The one message protocol between the server's event loop (pglite-thread.ts) and the worker thread that owns PGlite
 * (pglite-host.ts). Each side parses what arrives. Every request carries an id and gets exactly one reply with it.
 * `tx` names a transaction opened by `begin`: its statements run inside it, in the order sent.
 */
const sql = z.string();
const params = z.array(z.unknown());
const tx = z.number().int().nonnegative().optional();
/**
 * 'background' statements (sync pages, snapshot builds, imports, the console's search refresh) wait while any other
 * statement waits: a request's few statements never queue behind a stream of bulk ones.
 */
const priority = z.enum(['normal', 'background']);

export const toPgliteHost = z.discriminatedUnion('op', [
  z.object({ id: z.number().int(), op: z.literal('query'), sql, params, tx, priority }),
  z.object({ id: z.number().int(), op: z.literal('exec'), sql, tx, priority }),
  /** Opens a transaction; the reply's `tx` names it. Other statements wait until it ends (PGlite has one connection). */
  z.object({ id: z.number().int(), op: z.literal('begin'), priority }),
  z.object({ id: z.number().int(), op: z.literal('commit'), tx: z.number().int().nonnegative() }),
  z.object({ id: z.number().int(), op: z.literal('rollback'), tx: z.number().int().nonnegative() }),
  z.object({ id: z.number().int(), op: z.literal('close') }),
]);
export type ToPgliteHost = z.infer<typeof toPgliteHost>;

/** A PostgreSQL error as it crossed the thread: its message and PostgreSQL's fields, for the caller's Error. */
export const pgliteError = z.object({
  message: z.string(),
  code: z.string().optional(),
  detail: z.string().optional(),
  constraint: z.string().optional(),
});
export type PgliteError = z.infer<typeof pgliteError>;

export const fromPgliteHost = z.union([
  // Rows are only checked to be objects: their values are what PostgreSQL returned (jsonb parsed, Date, number),
  // structured-cloned, and the stores read them as they did in one thread.
  z.object({ id: z.number().int(), ok: z.literal(true), rows: z.array(z.record(z.string(), z.unknown())).optional(), tx: z.number().int().optional() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: pgliteError }),
]);
export type FromPgliteHost = z.infer<typeof fromPgliteHost>;

export type Priority = z.infer<typeof priority>;

/** What the thread is started with (`workerData`). */
export const pgliteHostOptions = z.object({
  /** A data folder on disk, or PGlite in memory when absent. */
  dataDir: z.string().optional(),
  durability: z.enum(['fsync', 'none']),
  /** One Int32 the host adds 1 to for every fsync of a WAL file (db/durable-nodefs.ts), read by the other thread. */
  walFsyncs: z.instanceof(SharedArrayBuffer),
  /** PGlite's WebAssembly, compiled once per process (a compiled module is shared between threads, not copied). */
  wasmModule: z.instanceof(WebAssembly.Module).optional(),
});
export type PgliteHostOptions = z.infer<typeof pgliteHostOptions>;
