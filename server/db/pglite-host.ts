import type { MessagePort } from 'node:worker_threads';
import type { Transaction } from '@electric-sql/pglite';
import { createPglite } from './pglite';
import { toPgliteHost, type FromPgliteHost, type PgliteError, type PgliteHostOptions } from './pglite-messages';

/**
 * The worker-thread side of the embedded database (started by pglite-worker.mjs for pglite-thread.ts): it owns
 * PGlite, so PostgreSQL's work (parsing, planning, executing, WAL fsyncs: all synchronous WebAssembly) runs beside
 * the server's event loop instead of on it. Requests arrive on `port`; each gets one reply.
 */
export async function hostPglite(port: MessagePort, options: PgliteHostOptions): Promise<void> {
  const walFsyncs = new Int32Array(options.walFsyncs);
  const db = await createPglite(options.dataDir, options.durability, (path) => {
    if (path.includes('/pg_wal/')) Atomics.add(walFsyncs, 0, 1);
  });
  const open = new Map<number, OpenTransaction>();
  let nextTx = 1;
  const reply = (message: FromPgliteHost) => port.postMessage(message);
  const failed = (id: number, error: unknown) => reply({ id, ok: false, error: errorOf(error) });

  port.on('message', (raw: unknown) => {
    const message = toPgliteHost.parse(raw);
    const { id } = message;
    switch (message.op) {
      case 'query':
      case 'exec': {
        const target = message.tx === undefined ? db : open.get(message.tx)?.tx;
        if (!target) return failed(id, new Error(`No open transaction ${message.tx}`));
        const run = message.op === 'query' ? target.query(message.sql, message.params).then((result) => result.rows) : target.exec(message.sql).then(() => undefined);
        run.then((rows) => reply({ id, ok: true, rows: rows as Record<string, unknown>[] | undefined }), (error: unknown) => failed(id, error));
        return;
      }
      case 'begin': {
        const txId = nextTx++;
        let begun = false;
        // PGlite runs the callback while it holds its only connection; the transaction ends when the other thread
        // sends commit or rollback, and statements outside it wait in PGlite until then, as they did in one thread.
        db.transaction(
          (tx) =>
            new Promise<void>((resolve, reject) => {
              begun = true;
              open.set(txId, { tx, end: (commit) => (commit ? resolve() : reject(ROLLBACK)) });
              reply({ id, ok: true, tx: txId });
            }),
        )
          .then(
            () => open.get(txId)?.ended?.({ ok: true }),
            (error: unknown) => {
              if (!begun) return failed(id, error);
              open.get(txId)?.ended?.(error === ROLLBACK ? { ok: true } : { ok: false, error });
            },
          )
          .finally(() => open.delete(txId));
        return;
      }
      case 'commit':
      case 'rollback': {
        const transaction = open.get(message.tx);
        if (!transaction) return failed(id, new Error(`No open transaction ${message.tx}`));
        transaction.ended = (outcome) => (outcome.ok ? reply({ id, ok: true }) : failed(id, outcome.error));
        transaction.end(message.op === 'commit');
        return;
      }
      case 'close':
        db.close().then(
          () => {
            reply({ id, ok: true });
            port.close();
          },
          (error: unknown) => failed(id, error),
        );
        return;
    }
  });
}

interface OpenTransaction {
  tx: Transaction;
  end(commit: boolean): void;
  /** Set when commit or rollback is asked: called once PGlite has committed or rolled back. */
  ended?: (outcome: { ok: true } | { ok: false; error: unknown }) => void;
}

/** What the callback throws to have PGlite roll back; never reported as an error. */
const ROLLBACK = Symbol('rollback');

function errorOf(error: unknown): PgliteError {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = error as Error & Partial<Record<'code' | 'detail' | 'constraint', unknown>>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { message: error.message, code: text(fields.code), detail: text(fields.detail), constraint: text(fields.constraint) };
}
