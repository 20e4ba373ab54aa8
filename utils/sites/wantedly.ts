import { runReader } from './finish';
import { cleanText, textOf } from './text';
import { readTimelineProfile } from './timeline-profile';
import type { DraftResult, PageKind, SiteAdapter } from './types';

// Wantedly profiles: www.wantedly.com/id/<id>. Class names are styled-components hashes, so the
// reader uses the <h1>, og:title, and the "職歴" heading with the list after it (company <h3>,
// position and period <p>s). Fixture: tests/fixtures/wantedly/ (written by hand, see its README).

const PROFILE = /^\/id\/([A-Za-z0-9_-]{1,64})\/?$/;

function detect(url: URL): PageKind | undefined {
  if (!/^https?:$/.test(url.protocol) || url.hostname !== 'www.wantedly.com') return undefined;
  return PROFILE.test(url.pathname) ? 'profile' : undefined;
}

function read(doc: Document, url: URL): DraftResult {
  const id = PROFILE.exec(url.pathname)?.[1];
  if (!id) return { missing: 'profile id in URL' };
  const nameElement = doc.querySelector('main h1') ?? doc.querySelector('h1');
  // "株式会社メルカリ / プロダクトデザイナー": the affiliation line under the name.
  const affiliation = textOf(nameElement?.nextElementSibling);
  return readTimelineProfile(doc, {
    nameElement,
    siteName: /^wantedly$/i,
    profileUrl: `https://www.wantedly.com/id/${id}`,
    headline: affiliation,
    fallbackCurrent: cleanText(affiliation.split(/\s\/\s/)[0]) || undefined,
    timeline: { item: 'li', organization: 'h3', title: 'h3 ~ p, p' },
  });
}

export const wantedlyAdapter: SiteAdapter = {
  id: 'wantedly',
  matches: ['https://www.wantedly.com/id/*'],
  anchors: { profile: ['main h1'] },
  detect,
  extract: (doc, kind, url) => runReader('wantedly', kind, url, () => read(doc, url)),
  pageKey: (url) => `wantedly:profile:${PROFILE.exec(url.pathname)?.[1].toLowerCase() ?? url.pathname}`,
};

/* Rejected on purpose: /companies/<slug>, /projects/<id>, /id/<id>/post_articles/<n>. */
