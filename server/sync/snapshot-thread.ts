import { Worker } from 'node:worker_threads';

interface Waiting {
  resolve: (result: string | Uint8Array) => void;
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

  /** The serialised recognition index of these NDJSON records (copied to the thread; the caller keeps its bytes). */
  index(lines: Uint8Array): Promise<string> {
    return this.run('index', lines) as Promise<string>;
  }

  async gzip(body: Uint8Array): Promise<Buffer> {
    return asBuffer(await this.run('gzip', body));
  }

  async brotli(body: Uint8Array, quality: number): Promise<Buffer> {
    return asBuffer(await this.run('brotli', body, quality));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error('The server is stopping'));
    await this.worker?.terminate();
    this.worker = null;
  }

  private run(job: 'index' | 'gzip' | 'brotli', bytes: Uint8Array, quality?: number): Promise<string | Uint8Array> {
    if (this.closed) return Promise.reject(new Error('The snapshot thread is closed'));
    const id = this.nextId++;
    const result = new Promise<string | Uint8Array>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.thread().postMessage({ id, job, bytes, quality });
    return result;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./snapshot-worker.mjs', import.meta.url));
    // An idle thread never keeps the process alive.
    worker.unref();
    worker.on('message', ({ id, result, error }: { id: number; result?: string | Uint8Array; error?: string }) => {
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

/** A Buffer over the bytes a thread sent back (structured clone hands over a plain Uint8Array). */
function asBuffer(bytes: string | Uint8Array): Buffer {
  if (typeof bytes === 'string') throw new Error('The snapshot thread sent text where bytes were expected');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
