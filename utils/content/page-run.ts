// Single-page-app navigation: LinkedIn changes the URL without loading a page. Each distinct page
// gets one "run" with its own AbortSignal; a new page aborts the old run (its observers, timers and
// listeners all hang off that signal), and the same page reported again — LinkedIn fires several
// history updates per navigation, and adds ?miniProfileUrn=… to a profile already shown — starts nothing.

export interface PageRunnerOptions {
  /** The work for one page: extract, match, render. Must stop when `signal` aborts. */
  run(url: URL, signal: AbortSignal): Promise<void> | void;
  /**
   * Which URLs are the same page; undefined means "not a page we read" (the current run is stopped).
   * Content scripts pass `pageKeyOf` (page-key.ts) with their own adapter's resolver.
   * Kept a parameter so this file does not pull every adapter into each site's content script.
   */
  keyOf(url: URL): string | undefined;
  /** The content script's lifetime (WXT `ctx.signal`): when it aborts, so does every run. */
  signal?: AbortSignal;
  /** Failures other than aborts (an abort is the normal end of a run). */
  onError?(error: unknown, url: URL): void;
}

export interface PageRunner {
  /** Report the current URL. Returns true when a new run started. */
  navigate(url: URL): boolean;
  /** Abort the current run, if any. */
  stop(): void;
  /** The key of the page being (or last) run. */
  readonly currentKey: string | undefined;
}

export function createPageRunner(options: PageRunnerOptions): PageRunner {
  const { keyOf } = options;
  let current: { key: string; controller: AbortController } | undefined;

  const stop = () => {
    current?.controller.abort(new DOMException('page changed', 'AbortError'));
    current = undefined;
  };
  options.signal?.addEventListener('abort', stop, { once: true });

  return {
    navigate(url: URL): boolean {
      if (options.signal?.aborted) return false;
      const key = keyOf(url);
      if (key !== undefined && key === current?.key) return false;
      stop();
      if (key === undefined) return false;
      const controller = new AbortController();
      current = { key, controller };
      const report = (error: unknown) => {
        if (!controller.signal.aborted) options.onError?.(error, url);
      };
      try {
        Promise.resolve(options.run(url, controller.signal)).catch(report);
      } catch (error) {
        report(error);
      }
      return true;
    },
    stop,
    get currentKey() {
      return current?.key;
    },
  };
}
