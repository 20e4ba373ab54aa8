/**
 * Lets the event loop answer other requests (setImmediate runs after pending I/O). Long jobs call it between
 * small steps so that one import never holds the server for more than a few milliseconds at a time.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
