import { useEffect, useState } from 'preact/hooks';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; reason: string };

/**
 * Loads a value from the worker, and again every `everyMs` while `keepPolling(value)` says so
 * (a sync in progress). `reload` asks again at once (after "Sync now").
 */
export function usePolling<T>(load: () => Promise<T>, everyMs: number, keepPolling: (value: T) => boolean) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    load()
      .then((value) => {
        if (stopped) return;
        setLoaded({ state: 'ready', value });
        if (keepPolling(value)) timer = setTimeout(() => setTick((n) => n + 1), everyMs);
      })
      .catch((error: unknown) => {
        if (!stopped) setLoaded({ state: 'error', reason: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` and `keepPolling` are stable per component; the tick drives re-loading
  }, [tick]);
  return { loaded, reload: () => setTick((n) => n + 1) };
}
