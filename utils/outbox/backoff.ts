/** First retry after 30 s (Chrome's shortest alarm), doubling per attempt, never more than an hour apart. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 60 * 60_000;

/**
 * Delay before retry number `attempts` (1 = after the first failure): exponential, capped, with
 * "equal jitter" (half fixed, half random) so many browsers coming back after an outage spread out
 * instead of hitting the backend together, while no retry comes sooner than half the step.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
