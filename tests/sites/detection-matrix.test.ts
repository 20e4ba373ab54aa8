import { describe, expect, it } from 'vitest';
import type { PageKind } from '../../utils/signals/schema';
import { demoAdapter } from '../../utils/sites/demo';
import { adapters, findAdapter, orgWebsiteAdapter, type SiteAdapter } from '../../utils/sites/index';
import { pageExamples } from './page-examples';

// Page detection is pure and tested as a matrix (refined-github's github-url-detection): every
// (adapter, page kind) accepts its own example URLs and rejects every other pair's.

// The demo adapter (development builds only, utils/sites/demo.ts) must not collide with any of them either.
const all: SiteAdapter[] = [...adapters, orgWebsiteAdapter, demoAdapter];
const cells = all.flatMap((adapter) =>
  (Object.entries(pageExamples[adapter.id] ?? {}) as [PageKind, string[]][]).map(([kind, urls]) => ({ adapter, kind, urls })),
);

/** Pages no adapter reads: a redesign or a new feature must not start extracting them silently. */
const REJECTED = [
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/in/sofia-andersson-reyes/recent-activity/all/',
  'https://www.linkedin.com/in/',
  'https://www.linkedin.com/company/audiense/jobs/',
  'https://www.linkedin.com/search/results/all/?keywords=audiense',
  'https://www.linkedin.com/mynetwork/',
  'https://www.linkedin.com/mynetwork/grow/',
  'https://www.linkedin.com/mynetwork/invitation-manager/',
  'https://www.linkedin.com/mynetwork/invite-connect/connections/extra/',
  'https://www.linkedin.com/sales/search/people?query=audiense',
  'https://www.linkedin.com.evil.example/in/sofia-andersson-reyes',
  'https://notlinkedin.com/in/sofia-andersson-reyes',
  'ftp://www.linkedin.com/in/sofia-andersson-reyes',
  'https://github.com/taroyamada/kana-romaji',
  'https://github.com/settings/profile',
  'https://github.com/marketplace',
  'https://github.com/orgs/sakura-digital/people',
  'https://gist.github.com/taroyamada',
  'https://www.wantedly.com/companies/sakura-digital',
  'https://www.wantedly.com/projects/123456',
  'https://www.wantedly.com/id/misaki_sato/post_articles/42',
  'https://www.xing.com/pages/sakura-digital',
  'https://www.xing.com/jobs/hamburg-ux-designer-123',
];

describe.each(cells)('$adapter.id $kind', ({ adapter, kind, urls }) => {
  it('has example URLs', () => {
    expect(urls.length).toBeGreaterThan(0);
  });

  it.each(urls)('accepts %s', (url) => {
    expect(adapter.detect(new URL(url))).toBe(kind);
  });

  const others = cells.filter((cell) => !(cell.adapter === adapter && cell.kind === kind)).flatMap((cell) => cell.urls);
  it(`rejects the ${others.length} examples of every other page kind`, () => {
    for (const url of others) expect(adapter.detect(new URL(url)), url).not.toBe(kind);
  });
});

describe('findAdapter', () => {
  it.each(cells.filter((cell) => adapters.includes(cell.adapter)).flatMap((cell) => cell.urls.map((url) => [url, cell.adapter.id, cell.kind])))(
    '%s → %s %s',
    (url, id, kind) => {
      const found = findAdapter(new URL(url));
      expect(found?.adapter.id).toBe(id);
      expect(found?.kind).toBe(kind);
    },
  );

  it.each(REJECTED)('reads nothing on %s', (url) => {
    expect(findAdapter(new URL(url))).toBeUndefined();
  });

  it('leaves organisation websites to detectOrgWebsite (they depend on the directory, not the URL) and demo pages to the demo content script', () => {
    for (const url of [...Object.values(pageExamples[orgWebsiteAdapter.id] ?? {}), ...Object.values(pageExamples[demoAdapter.id] ?? {})].flat()) expect(findAdapter(new URL(url))).toBeUndefined();
  });
});
