import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; reason: string } | { state: 'ready'; value: T };

/** Loads something for a page; `reload` runs it again. A newer load wins over an older one that ends later. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    load().then(
      (value) => mine === generation.current && setLoaded({ state: 'ready', value }),
      (error: unknown) => mine === generation.current && setLoaded({ state: 'error', reason: error instanceof Error ? error.message : String(error) }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the load depends on; `load` is a new closure every render
  }, deps);
  useEffect(run, [run]);
  return [loaded, run];
}
