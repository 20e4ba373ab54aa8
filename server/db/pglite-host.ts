import type { MessagePort } from 'node:worker_threads';
import { createPglite } from './pglite';
import { pgliteHostOptions, toPgliteHost, type FromPgliteHost, type PgliteError, type ToPgliteHost } from './pglite-messages';

/**
 * The worker-thread side of the embedded database (started by pglite-worker.mjs for pglite-thread.ts): it owns
 * PGlite, so PostgreSQL's work (parsing, planning, executing, WAL fsyncs: all synchronous WebAssembly) runs beside
 * the server's event loop instead of on it. Requests arrive on `port`; each gets one reply. A one-shot CLI command
 * hosts it on its main thread instead (pglite-thread.ts, `home: 'in-process'`), with the same messages.
 *
 * PGlite has one connection, so this host runs one statement at a time and chooses which: an open transaction's
 * own statements (nothing else may run inside it), else the oldest normal request, else the oldest background one.
 * A request's statements so wait for at most the statement or transaction running, never for a queue of sync pages
 * or import chunks.
 */
export async function hostPglite(port: MessagePort, rawOptions: unknown): Promise<void> {
  const options = pgliteHostOptions.parse(rawOptions);
  const walFsyncs = new Int32Array(options.walFsyncs);
  const db = await createPglite(
    options.dataDir,
    options.durability,
    (path) => {
      if (path.includes('/pg_wal/')) Atomics.add(walFsyncs, 0, 1);
    },
    options.wasmModule,
  );
  const normal: ToPgliteHost[] = [];
  const background: ToPgliteHost[] = [];
  /** Statements of the open transaction, and its commit or rollback. */
  const inTransaction: ToPgliteHost[] = [];
  let openTx: number | null = null;
  let nextTx = 1;
  let running = false;
  const reply = (message: FromPgliteHost) => port.postMessage(message);

  const next = (): ToPgliteHost | undefined => (openTx !== null ? inTransaction.shift() : (normal.shift() ?? background.shift()));

  const run = async (message: ToPgliteHost): Promise<FromPgliteHost> => {
    const { id } = message;
    switch (message.op) {
      case 'query':
        return { id, ok: true, rows: (await db.query<Record<string, unknown>>(message.sql, message.params)).rows };
      case 'exec':
        await db.exec(message.sql);
        return { id, ok: true };
      case 'begin':
        await db.exec('BEGIN');
        openTx = nextTx++;
        return { id, ok: true, tx: openTx };
      case 'commit':
      case 'rollback':
        try {
          await db.exec(message.op === 'commit' ? 'COMMIT' : 'ROLLBACK');
        } catch (error) {
          await db.exec('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          openTx = null;
        }
        return { id, ok: true };
      case 'close':
        await db.close();
        return { id, ok: true };
    }
  };

  const pump = () => {
    if (running) return;
    const message = next();
    if (!message) return;
    running = true;
    run(message)
      .then(reply, (error: unknown) => reply({ id: message.id, ok: false, error: errorOf(error) }))
      .finally(() => {
        running = false;
        if (message.op === 'close') port.close();
        else pump();
      });
  };

  port.on('message', (raw: unknown) => {
    const message = toPgliteHost.parse(raw);
    const tx = 'tx' in message ? message.tx : undefined;
    if (tx !== undefined) {
      if (tx !== openTx) return reply({ id: message.id, ok: false, error: { message: `No open transaction ${tx}` } });
      inTransaction.push(message);
    } else if (message.op === 'close' || ('priority' in message && message.priority === 'background')) {
      // Closing waits for everything sent before it.
      background.push(message);
    }
    else normal.push(message);
    pump();
  });
}

function errorOf(error: unknown): PgliteError {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = error as Error & Partial<Record<'code' | 'detail' | 'constraint', unknown>>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { message: error.message, code: text(fields.code), detail: text(fields.detail), constraint: text(fields.constraint) };
}
