import type { PageKind, SiteAdapter } from './types';

/** Page identity for one adapter: its own key (canonical profile URL…), else kind + origin + path. */
export function pageKeyFor(adapter: SiteAdapter, kind: PageKind, url: URL): string {
  return adapter.pageKey?.(url) ?? `${adapter.id}:${kind}:${url.origin}${url.pathname}`;
}
