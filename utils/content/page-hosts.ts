import { createClosedHost, type ClosedHost } from './shadow-host';

/** The page's two hosts, the sidebar's and the marker overlay's: added on first ask, put back if the page removed them. */
export interface PageHosts {
  /** Null once the session has ended. */
  sidebar(): ClosedHost | null;
  layer(): ClosedHost | null;
}

/**
 * The content script owns the hosts, and the in-page UI (loaded later, only when there is something to
 * show) draws into these same elements: the page sees the same two empty hosts whether or not anyone on
 * it was recognised, and nothing is swapped when the UI arrives. Both go when the session ends.
 */
export function createPageHosts(doc: Document, signal: AbortSignal): PageHosts {
  const made = new Map<'sidebar' | 'layer', ClosedHost>();
  signal.addEventListener('abort', () => made.forEach((host) => host.remove()), { once: true });
  const hostOf = (variant: 'sidebar' | 'layer') => (): ClosedHost | null => {
    if (signal.aborted) return null;
    const existing = made.get(variant);
    if (existing) {
      existing.ensureAttached();
      return existing;
    }
    const host = createClosedHost(doc, variant);
    made.set(variant, host);
    return host;
  };
  return { sidebar: hostOf('sidebar'), layer: hostOf('layer') };
}
