/** The repair queued last for each storage key; a key leaves the map when its queue drains. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `repair` after every earlier repair of the same storage key has finished.
 *
 * The worker reads its configuration from several places at once at start-up, and each read sees
 * the same unreadable value. Queued this way, each repair re-reads the value first: the first one
 * repairs and reports it, the rest find it already repaired and count nothing. A value that is
 * unreadable again later is a new problem, so it is repaired and counted again.
 */
export function oneRepairAtATime<T>(key: string, repair: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(repair);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
