import type { PageKind, SiteAdapter } from '../sites/types';

/** Page identity for one adapter: its own key (canonical profile URL…), else kind + origin + path. */
export function pageKeyFor(adapter: SiteAdapter, kind: PageKind, url: URL): string {
  return adapter.pageKey?.(url) ?? `${adapter.id}:${kind}:${url.origin}${url.pathname}`;
}

/**
 * Which page a URL shows, for "same page, read once" (page-run.ts): the same profile with and without a query is
 * one page. `resolve` is the content script's own (its adapter and page kind for a URL); undefined: not one it reads.
 */
export function pageKeyOf(resolve: (url: URL) => { adapter: SiteAdapter; kind: PageKind } | undefined, url: URL): string | undefined {
  const found = resolve(url);
  return found ? pageKeyFor(found.adapter, found.kind, url) : undefined;
}
