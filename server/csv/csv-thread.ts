import { Worker } from 'node:worker_threads';
import { workerCode } from '../worker-code';
import type { CsvEncoding } from './decode';
import { UndecodableCsv } from './decode';
import { fromCsvThread, type CsvSummary, type CsvThreadError, type FromCsvThread, type ToCsvThread } from './csv-messages';
import { InvalidCsvFile } from './parse-alumni-csv';

/** A request as the thread takes it, without the id this side gives it. */
type Request = ToCsvThread extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

/** A CSV file read in its own thread: what it holds, and its valid rows on demand. */
export interface CsvInThread {
  summary: CsvSummary;
  /** Valid rows [start, end) as JSON arrays of `{ id, record }` of at most `batchRows` rows each (upsertAlumniJson). */
  batches(start: number, end: number, batchRows: number): Promise<string[]>;
  /** The line each employee id starts on (0 when it is not in the file). */
  lines(ids: string[]): Promise<number[]>;
  /** Stops the thread; its rows are gone. */
  close(): Promise<void>;
}

export interface ReadCsvOptions {
  encoding?: CsvEncoding;
  sampleRows?: number;
  /** Hears the row count now and then. */
  onProgress?: (rows: number) => void;
  /** Stops reading (the thread is stopped) and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Reads an alumni CSV in a worker thread of its own (csv-worker.mjs, csv-host.ts), started for this file: decoding,
 * parsing and checking every row happen there, and the server's event loop only receives the summary and then the
 * rows a batch at a time, as JSON it passes on to the database. Throws UndecodableCsv and InvalidCsvFile as reading
 * on this thread did. The caller closes what it gets back.
 */
export async function readCsvInThread(bytes: Uint8Array, options: ReadCsvOptions = {}): Promise<CsvInThread> {
  const code = await workerCode(new URL('./csv-host.ts', import.meta.url));
  options.signal?.throwIfAborted();
  const worker = new Worker(new URL('./csv-worker.mjs', import.meta.url), { workerData: { code } });
  const waiting = new Map<number, { resolve(reply: FromCsvThread): void; reject(error: Error): void }>();
  let nextId = 0;
  let stopped = false;
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (raw: unknown) => {
    const message = fromCsvThread.parse(raw);
    if ('progress' in message) {
      if (message.id === -1) waiting.get(-1)?.resolve(message);
      else options.onProgress?.(message.progress);
      return;
    }
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    if ('error' in message) entry?.reject(threadError(message.error));
    else entry?.resolve(message);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    stopped = true;
    failAll(new Error(`The CSV thread stopped (exit ${code})`));
  });
  const close = async () => {
    stopped = true;
    options.signal?.removeEventListener('abort', abort);
    await worker.terminate();
  };
  const abort = () => {
    failAll(options.signal!.reason instanceof Error ? options.signal!.reason : new Error('Aborted'));
    void close();
  };
  options.signal?.addEventListener('abort', abort, { once: true });

  const ready = new Promise<FromCsvThread>((resolve, reject) => waiting.set(-1, { resolve, reject }));
  const send = (request: Request): Promise<FromCsvThread> => {
    if (stopped) return Promise.reject(new Error('The CSV thread is stopped'));
    const id = nextId++;
    const reply = new Promise<FromCsvThread>((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.postMessage({ ...request, id });
    return reply;
  };

  try {
    await ready;
    // Shared memory reaches the thread without a copy on this one.
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
    shared.set(bytes);
    const reply = await send({ op: 'parse', bytes: shared.buffer as SharedArrayBuffer, encoding: options.encoding, sampleRows: options.sampleRows ?? 0 });
    if (!('summary' in reply)) throw new Error('The CSV thread answered a parse without a summary');
    return {
      summary: reply.summary,
      async batches(start, end, batchRows) {
        const answer = await send({ op: 'batches', start, end, batchRows });
        if (!('batches' in answer)) throw new Error('The CSV thread answered without batches');
        return answer.batches;
      },
      async lines(ids) {
        const answer = await send({ op: 'lines', ids });
        if (!('lines' in answer)) throw new Error('The CSV thread answered without lines');
        return answer.lines;
      },
      close,
    };
  } catch (error) {
    await close();
    options.signal?.throwIfAborted();
    throw error;
  }
}

/** The error the thread reported, as the class reading on this thread threw. */
function threadError(error: CsvThreadError): Error {
  if (error.kind === 'undecodable') return new UndecodableCsv(error.message);
  if (error.kind === 'invalid') return new InvalidCsvFile(error.message, error.line ?? 0);
  return new Error(`Reading the CSV failed in its thread: ${error.message}`);
}
