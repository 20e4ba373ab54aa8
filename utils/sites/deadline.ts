// The time bound of one extraction. Readers are synchronous, so a module-level deadline is safe: while
// `withDeadline` runs, the DOM helpers in text.ts check it and return nothing once it has passed, and
// the reader finishes at once with what it has. In Chromium a 10,000-item page takes a few ms; the
// bound only stops a page built to hang us.

export const EXTRACTION_TIME_BOUND_MS = 5000;

let deadline = Number.POSITIVE_INFINITY;

export function pastDeadline(): boolean {
  return performance.now() > deadline;
}

export function withDeadline<T>(ms: number, work: () => T): { value: T; exceeded: boolean } {
  const outer = deadline;
  deadline = Math.min(outer, performance.now() + ms);
  try {
    const value = work();
    return { value, exceeded: pastDeadline() };
  } finally {
    deadline = outer;
  }
}
