import { runReader } from './finish';
import { queryAll, textOf } from './text';
import { readTimelineProfile } from './timeline-profile';
import type { DraftResult, PageKind, SiteAdapter } from './types';

// Xing profiles: www.xing.com/profile/<First_Last>. Anchors are the `data-qa` attributes Xing's
// design system ("malt") puts on the header, and the "Berufserfahrung" heading with the bucket of
// entries after it (title <h3>, company in the <p> after it, "09/2017 – 03/2021" / "Seit 04/2021").
// Fixture: tests/fixtures/xing/ (written by hand from public scrapers' selectors, see its README).

const PROFILE = /^\/profile\/([^/]{1,100})(?:\/cv)?\/?$/;

function detect(url: URL): PageKind | undefined {
  if (!/^https?:$/.test(url.protocol) || url.hostname !== 'www.xing.com') return undefined;
  return PROFILE.test(url.pathname) ? 'profile' : undefined;
}

function read(doc: Document, url: URL): DraftResult {
  const slug = PROFILE.exec(url.pathname)?.[1];
  if (!slug) return { missing: 'profile name in URL' };
  // "Senior UX Designer", "Nordlicht Software GmbH": position and company under the name.
  const occupation = queryAll(doc, '[data-qa="profile-occupations"] p', 4).map((p) => textOf(p)).filter(Boolean);
  return readTimelineProfile(doc, {
    nameElement: doc.querySelector('[data-qa="malt-profile-display-name"]'),
    siteName: /^xing$/i,
    profileUrl: `https://www.xing.com/profile/${slug}`,
    headline: occupation.join(' · '),
    fallbackCurrent: occupation[1],
    timeline: { item: 'button, li, article', organization: 'h3 + p', title: 'h3' },
  });
}

export const xingAdapter: SiteAdapter = {
  id: 'xing',
  matches: ['https://www.xing.com/profile/*'],
  anchors: { profile: ['[data-qa="malt-profile-display-name"]'] },
  detect,
  extract: (doc, kind, url) => runReader('xing', kind, url, () => read(doc, url)),
  pageKey: (url) => `xing:profile:${PROFILE.exec(url.pathname)?.[1] ?? url.pathname}`,
};

/* Rejected on purpose: /pages/<company>, /jobs/<id>, /profile/ without a name. */
