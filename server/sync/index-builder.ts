import { Worker } from 'node:worker_threads';

interface Waiting {
  resolve: (serialized: string) => void;
  reject: (error: Error) => void;
}

/**
 * Builds snapshots' recognition indexes in one worker thread (index-thread.mjs), started on first use and stopped by
 * close(). Building 100,000 alumni takes seconds of CPU; in the thread the server keeps answering meanwhile.
 */
export class IndexBuilder {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private closed = false;

  /** The serialised index of these NDJSON records (copied to the thread; the caller keeps its bytes). */
  build(lines: Uint8Array): Promise<string> {
    if (this.closed) return Promise.reject(new Error('The index builder is closed'));
    const id = this.nextId++;
    const result = new Promise<string>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.thread().postMessage({ id, lines });
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error('The server is stopping'));
    await this.worker?.terminate();
    this.worker = null;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./index-thread.mjs', import.meta.url));
    // An idle builder never keeps the process alive.
    worker.unref();
    worker.on('message', ({ id, serialized, error }: { id: number; serialized?: string; error?: string }) => {
      const waiting = this.waiting.get(id);
      this.waiting.delete(id);
      if (error !== undefined || serialized === undefined) waiting?.reject(new Error(`Building the recognition index failed: ${error}`));
      else waiting?.resolve(serialized);
    });
    const lost = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`The index builder thread stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
