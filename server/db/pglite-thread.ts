import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Database, Queryable } from './database';
import { lockDataFolder } from './folder-lock';
import { fromPgliteHost, type PgliteError, type PgliteHostOptions, type Priority, type ToPgliteHost } from './pglite-messages';
import { workerCode } from '../worker-code';

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
 * until its commit or rollback, and other statements wait for it in the host, as they did in one thread. `home`
 * puts the host on this thread instead, for one-shot CLI commands.
 */
export async function openPgliteThread(dataDir?: string, durability: 'fsync' | 'none' = 'fsync', home: PgliteHome = 'thread'): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataFolder(dataDir) : () => undefined;
  const walFsyncs = new SharedArrayBuffer(4);
  const { port, host } = await startHost(home, { dataDir, durability, walFsyncs, wasmModule: await compiledPglite() });
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let closed = false;
  // Asked to close, the thread ends by itself once PGlite is closed; its exit can be heard before its last replies.
  let closing = false;
  let endedAfterClose = false;
  let closingDone: Promise<void> | undefined;

  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  // The thread keeps the process alive only while a statement is on its way (a CLI command awaiting its rows must
  // not see the process exit under it); idle, it never does, as in-process PGlite never did.
  const referenced = () => {
    if (waiting.size > 0) {
      host.ref();
      port.ref();
    } else {
      host.unref();
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
  host.onFailure((error, exitCode) => {
    closed = true;
    if (closing && exitCode === 0) {
      // The close is done: replies still on their way are let through first, and only what is left then fails.
      endedAfterClose = true;
      setTimeout(() => failAll(new Error('The database is closed')), 0);
    } else failAll(error);
  });

  const send = (request: Request) => {
    // Nothing is sent once closing began: the thread would end without answering it.
    if (closed || closing) return Promise.reject(new Error('The database is closed'));
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
    await host.terminate();
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
    close() {
      // One close, however many ask for it.
      closingDone ??= (async () => {
        try {
          if (!closed) {
            const request = send({ op: 'close' });
            closing = true;
            await request.catch((error: unknown) => {
              if (!endedAfterClose) throw error;
            });
          }
        } finally {
          closed = true;
          await host.terminate();
          unlock();
        }
      })();
      return closingDone;
    },
    walFsyncs: () => Atomics.load(new Int32Array(walFsyncs), 0),
  });
  return database('normal');
}

/**
 * Where PGlite runs: its own thread (the server: a long statement or a checkpoint never stops it answering), or the
 * caller's thread (a one-shot CLI command, which has nothing else to answer and would wait ~1 s for the thread to
 * load its TypeScript through tsx).
 */
export type PgliteHome = 'thread' | 'in-process';

interface Host {
  ref(): void;
  unref(): void;
  /** The host stopped on its own: the thread crashed, or exited (with its exit code). */
  onFailure(listener: (error: Error, exitCode?: number) => void): void;
  terminate(): Promise<void>;
}

let compiled: Promise<WebAssembly.Module | undefined> | undefined;

/**
 * PGlite's WebAssembly compiled once for the process: a thread that compiles its own spends ~0.8 s of its start on it,
 * and a process that opens several databases (the tests, the bench) did so for each. Should compiling fail, each host
 * lets PGlite compile its own.
 */
function compiledPglite(): Promise<WebAssembly.Module | undefined> {
  compiled ??= readFile(join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), 'pglite.wasm'))
    .then((bytes) => WebAssembly.compile(bytes))
    .catch(() => undefined);
  return compiled;
}

/** Starts the host (pglite-host.ts) at `home`; it answers on the returned port, first with id -1 once PGlite is open. */
async function startHost(home: PgliteHome, options: PgliteHostOptions): Promise<{ port: MessagePort; host: Host }> {
  const { port1: port, port2 } = new MessageChannel();
  if (home === 'in-process') {
    const { hostPglite } = await import('./pglite-host');
    hostPglite(port2, options).then(
      () => port2.postMessage({ id: -1, ok: true }),
      (error: unknown) => port2.postMessage({ id: -1, ok: false, error: { message: error instanceof Error ? error.message : String(error) } }),
    );
    // Nothing to keep alive or stop: the host closes its port when it closes PGlite.
    return { port, host: { ref() {}, unref() {}, onFailure() {}, terminate: async () => undefined } };
  }
  const code = await workerCode(new URL('./pglite-host.ts', import.meta.url));
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { port: port2, code, ...options }, transferList: [port2] });
  const host: Host = {
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    onFailure(listener) {
      worker.on('error', listener);
      worker.on('exit', (code) => listener(new Error(`The database thread stopped (exit ${code})`), code));
    },
    terminate: async () => void (await worker.terminate()),
  };
  return { port, host };
}

/** An Error with PostgreSQL's fields, as PGlite threw it in the other thread, with the caller's stack. */
function databaseError(error: PgliteError, callerStack: string | undefined): Error {
  const made = Object.assign(new Error(error.message), Object.fromEntries(Object.entries(error).filter(([key, value]) => key !== 'message' && value !== undefined)));
  if (callerStack) made.stack = `Error: ${error.message}\n${callerStack.split('\n').slice(2).join('\n')}`;
  return made;
}
