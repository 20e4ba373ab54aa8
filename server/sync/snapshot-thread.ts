import { Worker } from 'node:worker_threads';
import { workerCode, type WorkerCode } from '../worker-code';

interface Waiting {
  resolve: (result: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * The heavy parts of a snapshot build, in one worker thread at the lowest priority (snapshot-worker.mjs), started on
 * first use and stopped by close(): the recognition index of 100,000 alumni and the brotli body take seconds of CPU,
 * and the server keeps answering meanwhile. Jobs run one after another in the order asked.
 */
export class SnapshotThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private closed = false;

  /**
   * The serialised recognition index of these NDJSON records, as UTF-8. Parts given in shared memory
   * (SharedArrayBuffer) reach the thread without a copy on this one; others are copied.
   */
  async index(lines: Uint8Array): Promise<Buffer> {
    return asBuffer(await this.run('index', [lines]));
  }

  /** The body made of these parts, gzip-compressed. */
  async gzip(parts: Uint8Array[]): Promise<Buffer> {
    return asBuffer(await this.run('gzip', parts));
  }

  async brotli(parts: Uint8Array[], quality: number): Promise<Buffer> {
    return asBuffer(await this.run('brotli', parts, quality));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error('The server is stopping'));
    await this.worker?.terminate();
    this.worker = null;
  }

  private async run(job: 'index' | 'gzip' | 'brotli', parts: Uint8Array[], quality?: number): Promise<Uint8Array> {
    // The same promise for every job of the process, so jobs still reach the thread in the order asked.
    const code = await workerCode(new URL('./snapshot-index.ts', import.meta.url));
    if (this.closed) throw new Error('The snapshot thread is closed');
    const id = this.nextId++;
    const result = new Promise<Uint8Array>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.thread(code).postMessage({ id, job, parts, quality });
    return result;
  }

  private thread(code: WorkerCode): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./snapshot-worker.mjs', import.meta.url), { workerData: { code } });
    // An idle thread never keeps the process alive.
    worker.unref();
    worker.on('message', ({ id, result, error }: { id: number; result?: Uint8Array; error?: string }) => {
      const waiting = this.waiting.get(id);
      this.waiting.delete(id);
      if (error !== undefined || result === undefined) waiting?.reject(new Error(`Building the directory snapshot failed: ${error}`));
      else waiting?.resolve(result);
    });
    const lost = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`The snapshot thread stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

/** A Buffer over the bytes a thread handed back (structured clone gives a plain Uint8Array). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
