import { mkdirSync } from 'node:fs';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { Database, Queryable } from './database';
import { lockDataFolder } from './folder-lock';
import { fromPgliteHost, type PgliteError, type Priority, type ToPgliteHost } from './pglite-messages';

/** A request as the other thread takes it, without the id this side gives it. */
type Request = ToPgliteHost extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

interface Waiting {
  resolve(reply: { rows?: Record<string, unknown>[]; tx?: number }): void;
  reject(error: Error): void;
  /** The caller's stack, so an error names the query's caller rather than this file. */
  stack: string | undefined;
}

/**
 * Embedded PGlite in its own worker thread (pglite-host.ts), behind the same Database interface as before: the
 * server's event loop only sends each statement and gets its rows back (structured clone, about 0.1 ms a message),
 * so a long query, an import's writes or a checkpoint no longer stop it answering requests. The data folder's lock
 * is held by this thread, as before. Statements run in the order sent; a transaction holds PGlite's one connection
 * until its commit or rollback, and other statements wait for it in the host, as they did in one thread.
 */
export async function openPgliteThread(dataDir?: string, durability: 'fsync' | 'none' = 'fsync'): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataFolder(dataDir) : () => undefined;
  const walFsyncs = new SharedArrayBuffer(4);
  const { port1: port, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { port: port2, dataDir, durability, walFsyncs },
    transferList: [port2],
  });
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let closed = false;

  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  // The thread keeps the process alive only while a statement is on its way (a CLI command awaiting its rows must
  // not see the process exit under it); idle, it never does, as in-process PGlite never did.
  const referenced = () => {
    if (waiting.size > 0) {
      worker.ref();
      port.ref();
    } else {
      worker.unref();
      port.unref();
    }
  };

  port.on('message', (raw: unknown) => {
    const message = fromPgliteHost.parse(raw);
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    referenced();
    if (!entry) return;
    if (message.ok) entry.resolve(message);
    else entry.reject(databaseError(message.error, entry.stack));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => {
    closed = true;
    failAll(new Error(`The database thread stopped (exit ${code})`));
  });

  const send = (request: Request) => {
    if (closed) return Promise.reject(new Error('The database is closed'));
    const id = nextId++;
    const { stack } = new Error();
    const reply = new Promise<{ rows?: Record<string, unknown>[]; tx?: number }>((resolve, reject) => waiting.set(id, { resolve, reject, stack }));
    referenced();
    port.postMessage({ ...request, id });
    return reply;
  };

  // The host says -1 once PGlite is open (or why it could not be).
  const opened = new Promise<void>((resolve, reject) => waiting.set(-1, { resolve: () => resolve(), reject, stack: undefined }));
  referenced();
  try {
    await opened;
  } catch (error) {
    await worker.terminate();
    unlock();
    throw error;
  }

  const queryable = (priority: Priority, tx?: number): Queryable => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      return ((await send({ op: 'query', sql, params, tx, priority })).rows ?? []) as Row[];
    },
    async exec(sql: string) {
      await send({ op: 'exec', sql, tx, priority });
    },
  });

  let backgroundView: Database | undefined;
  const database = (priority: Priority): Database => ({
    kind: 'pglite',
    ...queryable(priority),
    get background() {
      return priority === 'background' ? this : (backgroundView ??= database('background'));
    },
    async transaction(work) {
      const { tx } = await send({ op: 'begin', priority });
      if (tx === undefined) throw new Error('The database thread opened no transaction');
      let result;
      try {
        result = await work(queryable(priority, tx));
      } catch (error) {
        await send({ op: 'rollback', tx }).catch(() => undefined);
        throw error;
      }
      await send({ op: 'commit', tx });
      return result;
    },
    async close() {
      try {
        if (!closed) await send({ op: 'close' });
      } finally {
        closed = true;
        await worker.terminate();
        unlock();
      }
    },
    walFsyncs: () => Atomics.load(new Int32Array(walFsyncs), 0),
  });
  return database('normal');
}

/** An Error with PostgreSQL's fields, as PGlite threw it in the other thread, with the caller's stack. */
function databaseError(error: PgliteError, callerStack: string | undefined): Error {
  const made = Object.assign(new Error(error.message), Object.fromEntries(Object.entries(error).filter(([key, value]) => key !== 'message' && value !== undefined)));
  if (callerStack) made.stack = `Error: ${error.message}\n${callerStack.split('\n').slice(2).join('\n')}`;
  return made;
}
