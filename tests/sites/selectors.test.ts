import { describe, expect, it } from 'vitest';
import { adapters, findAdapter, orgWebsiteAdapter } from '../../utils/sites/index';
import { LI } from '../../utils/sites/linkedin/selectors';
import { LINKEDIN_2026, LINKEDIN_ORIGINALS, loadPage, SIGNAL_FOLDERS, signalTruths } from './support';

// Selectors are paired with the pages that prove them (refined-github's convention): each LinkedIn
// anchor matches on every page listed beside it, and each adapter's "rendered" anchors match on every
// page of that kind we read successfully — so waitForAnchors never waits in vain on a layout we know.

const pages = new Map<string, Document>();
function page(path: string): Document {
  if (!pages.has(path)) pages.set(path, loadPage(path));
  return pages.get(path)!;
}

describe.each(Object.entries(LI))('LinkedIn anchor %s', (_name, anchor) => {
  it.each(anchor.proof)(`${anchor.css} is on %s`, (path) => {
    expect(page(path).querySelector(anchor.css)).not.toBeNull();
  });
});

const readable = [
  ...Object.entries(LINKEDIN_ORIGINALS)
    .filter(([, info]) => info.expect !== 'diagnostic')
    .map(([path, info]) => ({ path, url: info.url })),
  ...Object.entries(LINKEDIN_2026).map(([path, info]) => ({ path, url: info.url })),
  ...SIGNAL_FOLDERS.flatMap(signalTruths).map(([path, truth]) => ({ path, url: truth.url })),
];

describe.each(readable)('rendered anchors on $path', ({ path, url }) => {
  it('include one that is present, for the adapter and kind of its URL', () => {
    const found = findAdapter(new URL(url));
    const adapter = found?.adapter ?? orgWebsiteAdapter;
    const kind = found?.kind ?? 'org-website';
    const selectors = adapter.anchors[kind] ?? [];
    expect(selectors.some((selector) => page(path).querySelector(selector) !== null), `${adapter.id} ${kind}: ${selectors.join(' | ')}`).toBe(true);
    expect([...adapters, orgWebsiteAdapter]).toContain(adapter);
  });
});
