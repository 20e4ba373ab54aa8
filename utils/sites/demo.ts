import { runReader } from './finish';
import { readCompanyPage } from './linkedin/lists';
import { readProfile } from './linkedin/profile';
import { linkedinAdapter } from './linkedin';
import { orgWebsiteAdapter } from './org-website';
import type { PageKind, SiteAdapter } from './types';

// The demo pages that `npm start` serves (server/demo/pages/, at http://127.0.0.1:8787/demo/…): stand-ins
// for LinkedIn and for organisation websites, so a newcomer without a LinkedIn account sees every feature.
// Only development builds include this adapter (entrypoints/demo.content/); production never matches it.
// Each demo page is read as the real page it stands in for: /demo/in/<slug>/ as https://www.linkedin.com/in/<slug>/,
// /demo/sites/<domain>/… as https://<domain>/…

const DEMO_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** The URL the demo page stands in for, or undefined for anything that is not a demo page. */
export function standInUrl(url: URL): URL | undefined {
  if (url.protocol !== 'http:' || !DEMO_HOSTS.has(url.hostname)) return undefined;
  const site = /^\/demo\/sites\/([a-z0-9.-]+\.[a-z]{2,})(\/.*)?$/i.exec(url.pathname);
  if (site) return new URL(`https://${site[1]}${site[2] ?? '/'}`);
  const linkedin = /^\/demo(\/(?:in|company)\/.*)$/.exec(url.pathname);
  return linkedin ? new URL(`https://www.linkedin.com${linkedin[1]}`) : undefined;
}

const kinds: [PageKind, RegExp][] = [
  ['profile', /^\/demo\/in\/[^/]+\/?$/],
  ['company-people', /^\/demo\/company\/[^/]+\/people\/?$/],
  ['org-website', /^\/demo\/sites\/[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i],
];

export const demoAdapter: SiteAdapter = {
  id: 'demo',
  matches: ['http://127.0.0.1/demo/*', 'http://localhost/demo/*'],
  // The demo pages use the markup of the pages they stand in for, so they share those pages' anchors.
  anchors: {
    profile: linkedinAdapter.anchors.profile,
    'company-people': linkedinAdapter.anchors['company-people'],
    'org-website': orgWebsiteAdapter.anchors['org-website'],
  },
  detect(url: URL): PageKind | undefined {
    if (!standInUrl(url)) return undefined;
    return kinds.find(([, pattern]) => pattern.test(url.pathname))?.[0];
  },
  extract(doc, kind, url) {
    const real = standInUrl(url) ?? url;
    if (kind === 'org-website') return orgWebsiteAdapter.extract(doc, kind, real);
    return runReader('demo', kind, url, () =>
      kind === 'profile' ? readProfile(doc, kind, real) : readCompanyPage(doc, real, kind === 'company-people'),
    );
  },
  pageKey: (url) => `demo:${url.pathname}`,
};
