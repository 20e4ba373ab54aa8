import { meta, pageTitle } from './structured';
import { cleanText, textOf } from './text';
import { EXPERIENCE_HEADINGS, listAfterHeading, readTimeline, type TimelineSelectors } from './timeline';
import type { DraftResult } from './types';

// The server-rendered profile sites (Wantedly, Xing) share one shape: a name heading, a line under it,
// and a career timeline. The name heading is trusted only when the page's og:title/<title> names the
// same person (an error page has headings too); otherwise the title's first " - " part is used.

export function titleName(doc: Document): string {
  const title = meta(doc, 'og:title') || pageTitle(doc);
  return cleanText(title.split(/\s[-|｜]\s/)[0]);
}

export interface TimelineProfile {
  /** The element the site marks as the person's name. */
  nameElement: Element | null;
  /** The site's own word for "no such page" as a title (a name equal to it is rejected). */
  siteName: RegExp;
  profileUrl: string;
  headline: string;
  /** Current employer when no timeline entry is open-ended. */
  fallbackCurrent?: string;
  timeline: TimelineSelectors;
}

export function readTimelineProfile(doc: Document, profile: TimelineProfile): DraftResult {
  const shown = textOf(profile.nameElement, 300);
  const fromTitle = titleName(doc);
  const trusted = shown !== '' && fromTitle.replace(/\s+/g, '') === shown.replace(/\s+/g, '');
  const name = trusted ? shown : fromTitle;
  if (!name || profile.siteName.test(name)) return { missing: 'profile name (name heading matching og:title)' };
  const list = listAfterHeading(doc, EXPERIENCE_HEADINGS);
  const experience = list ? readTimeline(list, profile.timeline) : [];
  const current = experience.find((entry) => entry.to === null)?.organization ?? profile.fallbackCurrent;
  return {
    people: [
      {
        signal: {
          name,
          ...(profile.headline ? { headline: profile.headline } : {}),
          profileUrl: profile.profileUrl,
          ...(current ? { currentOrganization: current } : {}),
          ...(experience.length ? { experience } : {}),
        },
        element: trusted ? profile.nameElement : null,
        role: 'subject',
      },
    ],
    organizations: [],
  };
}
