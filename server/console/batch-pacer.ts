/**
 * Sizes the batches of a long job so that each takes about `targetMs`. Embedded PGlite has one connection (in its
 * own thread, server/db/pglite-thread.ts) and the whole database waits for an open transaction, so a batch's time is
 * how long every other request's statements wait. Growth is at most doubling per batch: one fast batch (a warm
 * cache) must not make the next one ten times longer.
 */
export class BatchPacer {
  size: number;

  constructor(
    private readonly options: { targetMs: number; initial: number; min: number; max: number },
  ) {
    this.size = options.initial;
  }

  /** Tells the pacer how long the last batch of `count` rows took; the next size follows from it. */
  measured(count: number, elapsedMs: number): void {
    const { targetMs, min, max } = this.options;
    const fitting = Math.round((count * targetMs) / Math.max(1, elapsedMs));
    this.size = Math.max(min, Math.min(max, fitting, this.size * 2));
  }
}
