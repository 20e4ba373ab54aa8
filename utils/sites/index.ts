import { githubAdapter } from './github';
import { linkedinAdapter } from './linkedin';
import { wantedlyAdapter } from './wantedly';
import { xingAdapter } from './xing';
import type { PageKind, SiteAdapter } from './types';

// The registry of site adapters: one file per site, each the same shape (types.ts). Content scripts
// and the `extract` command find the adapter for a URL here. Organisation websites are separate
// (org-website.ts): whether a page is one depends on the directory's domains, not on the URL alone.

export const adapters: SiteAdapter[] = [linkedinAdapter, wantedlyAdapter, xingAdapter, githubAdapter];

/** The adapter and page kind for a URL, or undefined when no adapter reads it. Pure. */
export function findAdapter(url: URL): { adapter: SiteAdapter; kind: PageKind } | undefined {
  for (const adapter of adapters) {
    const kind = adapter.detect(url);
    if (kind) return { adapter, kind };
  }
  return undefined;
}

export type { Draft, DraftPerson, Extraction, PersonRole, SiteAdapter } from './types';
export { orgWebsiteAdapter, orgWebsiteText } from './org-website';
export { rangesFor, visibleText, type TextSegment, type VisibleText } from './visible-text';
export { diagnose } from './finish';
