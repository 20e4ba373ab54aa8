import type { PageKind, SiteAdapter } from '../sites/types';

// Logged-in LinkedIn renders sections after document idle. Instead of polling, watch the DOM until
// one of the adapter's anchors for this page kind exists, for at most `timeoutMs`, and stop the
// moment the page run's AbortSignal fires (a new URL): nothing is left observing.

function present(doc: Document, selectors: string[]): boolean {
  return selectors.some((selector) => doc.querySelector(selector) !== null);
}

/**
 * Resolves true once an anchor is present (at once if it already is), false after `timeoutMs`.
 * Rejects with the signal's reason if the run is aborted first.
 */
export function waitForAnchors(
  doc: Document,
  adapter: SiteAdapter,
  kind: PageKind,
  signal: AbortSignal,
  timeoutMs = 5000,
): Promise<boolean> {
  const selectors = adapter.anchors[kind] ?? [];
  if (signal.aborted) return Promise.reject(signal.reason);
  if (!selectors.length || present(doc, selectors)) return Promise.resolve(selectors.length > 0);
  return new Promise<boolean>((resolve, reject) => {
    let scheduled = false;
    const finish = (result: boolean | { error: unknown }) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (typeof result === 'boolean') resolve(result);
      else reject(result.error);
    };
    const onAbort = () => finish({ error: signal.reason });
    // Mutations arrive in bursts of thousands on LinkedIn: check once per task, not once per record.
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        if (present(doc, selectors)) finish(true);
      }, 0);
    });
    const timer = setTimeout(() => finish(present(doc, selectors)), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    observer.observe(doc.documentElement ?? doc, { childList: true, subtree: true });
  });
}
