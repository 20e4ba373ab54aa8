import { tldtsDomain } from '../domain';
import { findJsonLd, LdOrganization, meta, pageTitle } from '../structured';
import { cleanText, queryAll, textOf } from '../text';
import type { DraftResult, OrganizationSignal } from '../types';
import { readCards } from './cards';
import { canonicalCompanyUrl, companySlug } from './url';

// Company pages, their People tab, and people search results: an organisation and/or a list of people.

const MAX_CARDS = 500;

/**
 * The company a /company/<slug> page is about. JSON-LD Organization (guest), else og:title / <title>
 * ("Audiense | LinkedIn"), else the main <h1>. Its website (JSON-LD sameAs, or the about-us website
 * row) gives the domain the recognition engine matches organisations by.
 */
function readCompany(doc: Document, url: URL): OrganizationSignal | undefined {
  const slug = companySlug(url);
  if (!slug) return undefined;
  const ld = findJsonLd(doc, LdOrganization, (org) => org['@type'] === 'Organization' || org['@type'] === 'Corporation');
  // "(2) Audiense: People | LinkedIn" — unread count, tab name and site name removed.
  const fromTitle = (meta(doc, 'og:title') || pageTitle(doc))
    .replace(/^\(\d+\+?\)\s*/, '')
    .split(/\s\|\s/)[0]
    .replace(/:\s*(overview|about|people|posts|jobs|life|概要|会社概要|社員|投稿|求人)$/i, '');
  const heading = textOf(doc.querySelector('main h1') ?? doc.querySelector('h1'), 300);
  const name = cleanText(ld?.name) || heading || cleanText(fromTitle);
  if (!name) return undefined;
  const sameAs = Array.isArray(ld?.sameAs) ? ld.sameAs[0] : ld?.sameAs;
  const website =
    sameAs ??
    doc.querySelector('[data-test-id="about-us__website"] a[href]')?.textContent ??
    doc.querySelector('main a[data-test-id="about-us__website"], main a[aria-label*="website" i]')?.getAttribute('href') ??
    undefined;
  const domain = tldtsDomain(cleanText(website));
  return { name, url: canonicalCompanyUrl(slug), ...(domain ? { domain } : {}) };
}

/** Guest company page: "Employees at X" (li-company-public-2024.html); logged-in: the People tab's cards. */
export function readCompanyPage(doc: Document, url: URL, peopleTab: boolean): DraftResult {
  const company = readCompany(doc, url);
  if (!company) return { missing: 'company name (JSON-LD Organization, og:title or main h1)' };
  const employees = queryAll(doc, '[data-test-id="employees-at"] li', MAX_CARDS);
  const cards = peopleTab
    ? queryAll(doc, 'main li.org-people-profile-card__profile-card-spacing, main [data-view-name="org-people-profile-card"], main .org-people-profile-card', MAX_CARDS)
    : employees;
  const people = readCards(cards, url, 'listed');
  if (peopleTab && !people.length) return { missing: 'People tab cards (main .org-people-profile-card)' };
  return { people, organizations: [company] };
}

/** Logged-in people search (search-results.html): one card per result, placeholders for hidden members skipped. */
export function readSearchResults(doc: Document, url: URL): DraftResult {
  const cards = queryAll(
    doc,
    'main [data-chameleon-result-urn], main [data-view-name="search-entity-result-universal-template"], main li.reusable-search__result-container',
    MAX_CARDS,
  );
  if (!cards.length) return { missing: 'search result cards (main [data-chameleon-result-urn])' };
  // A card can match two of the selectors (the <li> and its inner div): keep the innermost.
  const innermost = cards.filter((card) => !cards.some((other) => other !== card && card.contains(other)));
  return { people: readCards(innermost, url, 'listed'), organizations: [] };
}
