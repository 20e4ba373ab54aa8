import { runReader } from './finish';
import { readProfile } from './linkedin/profile';
import { readCompanyPage, readConnections, readSearchResults } from './linkedin/lists';
import { LI } from './linkedin/selectors';
import { detectLinkedIn, linkedInPageKey } from './linkedin/url';
import type { DraftResult, PageKind, SiteAdapter } from './types';

// LinkedIn: member profiles (2026 app, Ember and guest layouts, /details/experience/), company pages
// and their People tab, people search, My Network → Connections, and the people modules beside them.
// Fixtures: tests/fixtures/linkedin/ and tests/fixtures/linkedin-2026/ (READMEs say which page proves what).

/** Anti-bot pages (li-challenge-redirect-2024.html) are a meta refresh and a script, with no main landmark. */
function challenge(doc: Document): boolean {
  return !doc.querySelector('main') && Boolean(doc.querySelector(LI.challengeRefresh.css));
}

function read(doc: Document, kind: PageKind, url: URL): DraftResult {
  if (challenge(doc)) return { missing: 'page content (anti-bot challenge: meta refresh and no <main>)' };
  switch (kind) {
    case 'profile':
    case 'profile-details':
      return readProfile(doc, kind, url);
    case 'company':
      return readCompanyPage(doc, url, false);
    case 'company-people':
      return readCompanyPage(doc, url, true);
    case 'search-people':
      return readSearchResults(doc, url);
    case 'connections':
      return readConnections(doc, url);
    default:
      return { missing: `a LinkedIn reader for page kind ${kind}` };
  }
}

export const linkedinAdapter: SiteAdapter = {
  id: 'linkedin',
  matches: ['https://*.linkedin.com/*'],
  // Anything one of the readers starts from; the content runtime reads again as more arrives.
  anchors: {
    profile: ['main h1', 'script[type="application/ld+json"]', LI.sduiTopcard.css],
    'profile-details': [`main ${LI.entity.css}`, LI.sduiExperience.css],
    company: ['main h1', 'script[type="application/ld+json"]'],
    'company-people': [LI.peopleTabCard.css, 'main a[href*="/in/"]'],
    'search-people': [LI.searchCard.css, LI.appSearchResult.css, 'main [role="listitem"] a[href*="/in/"]'],
    connections: [LI.connectionsList.css, 'main a[href*="/in/"]'],
  },
  detect: detectLinkedIn,
  extract: (doc, kind, url) => runReader('linkedin', kind, url, () => read(doc, kind, url)),
  pageKey: linkedInPageKey,
};

/* Rejected on purpose: /in/<slug>/recent-activity/, /feed/, /jobs/, /company/<slug>/jobs/, /search/results/all/,
   /mynetwork/ (invitations, "grow"), Sales Navigator (/sales/: no saved markup found; see README). */
