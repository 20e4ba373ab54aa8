import { runReader } from './finish';
import { meta, pageTitle } from './structured';
import { hostWithin, NETWORK_DOMAINS, websiteHost } from './host';
import { cleanText, queryAll } from './text';
import type { PageKind, SiteAdapter } from './types';
import { visibleText, type VisibleText } from './visible-text';

// Any page whose registrable domain is one of an organisation's domains in the directory: the page
// is about that organisation, and its visible text goes to the name scanner. Which domains count is
// data from the backend, so the worker registers this adapter's content script for exactly those domains
// (utils/background/orgsite.ts; the `extract` command asks scripts/saved-pages/org-domain.ts for saved
// pages); the adapter's own `detect` only knows which hosts are never
// organisation websites (the networking sites have their own adapters). The organisation's `domain`
// is the page host without "www." — the recognition engine reduces it to the registrable domain.

/**
 * The organisation's name as the site states it: og:site_name, else the part of the <title>
 * ("Our team | Audiense", "株式会社さくらデジタル｜働く人を…") that the home link also says, else its
 * shortest part (taglines are longer than names), else the domain.
 */
function siteName(doc: Document, domain: string): string {
  const ogName = meta(doc, 'og:site_name') || meta(doc, 'application-name');
  if (ogName) return ogName;
  const parts = pageTitle(doc)
    .split(/\s[|\-–—:]\s|｜/)
    .map((part) => cleanText(part))
    .filter(Boolean);
  const home = queryAll(doc, 'a[href="/"], a[rel="home"]', 10).map((link) => cleanText(link.textContent || link.getAttribute('aria-label')));
  const named = parts.find((part) => home.includes(part));
  const shortest = [...parts].sort((a, b) => a.length - b.length)[0];
  return named ?? shortest ?? domain;
}

export const orgWebsiteAdapter: SiteAdapter = {
  id: 'org-website',
  // Injected at run time for the directory's domains (optional host permissions), so no static patterns.
  matches: [],
  anchors: { 'org-website': ['body'] },
  detect(url: URL): PageKind | undefined {
    const host = /^https?:$/.test(url.protocol) ? websiteHost(url.hostname) : undefined;
    return host && !NETWORK_DOMAINS.some((network) => hostWithin(host, network)) ? 'org-website' : undefined;
  },
  extract: (doc, kind, url) =>
    runReader('org-website', kind, url, () => {
      const domain = websiteHost(url.hostname);
      if (!domain) return { missing: 'a host name in the page URL' };
      return { people: [], organizations: [{ name: siteName(doc, domain), url: url.origin, domain }] };
    }),
  pageKey: (url) => `org-website:${url.origin}${url.pathname}`,
};

/** The page's visible text for the recogniser's name scanner (bounded; map hits back with `rangesFor`). */
export function orgWebsiteText(doc: Document, maxChars = 500_000): VisibleText {
  return visibleText(doc.body ?? doc.documentElement, maxChars);
}
