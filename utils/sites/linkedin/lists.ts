import { websiteHost } from '../host';
import { findJsonLd, LdOrganization, meta, pageTitle } from '../structured';
import { cleanText, queryAll, textOf } from '../text';
import type { DraftResult, OrganizationSignal } from '../types';
import { readCards } from './cards';
import { LI } from './selectors';
import { canonicalCompanyUrl, companySlug } from './url';

// Company pages, their People tab, and people search results: an organisation and/or a list of people.

const MAX_CARDS = 500;

/** The about-us website link shows the URL as text; its href is LinkedIn's redirect (…/redir/redirect?url=…). */
function websiteDomain(link: Element | null): string | undefined {
  if (!link) return undefined;
  const href = link.getAttribute('href') ?? '';
  const target = URL.canParse(href) ? new URL(href).searchParams.get('url') : null;
  return websiteHost(textOf(link, 300)) ?? websiteHost(target);
}

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
  const domain = websiteHost(cleanText(sameAs)) ?? websiteDomain(doc.querySelector(LI.companyWebsite.css));
  return { name, url: canonicalCompanyUrl(slug), ...(domain ? { domain } : {}) };
}

/** Guest company page: "Employees at X" (li-company-public-2024.html); logged-in: the People tab's cards. */
export function readCompanyPage(doc: Document, url: URL, peopleTab: boolean): DraftResult {
  const company = readCompany(doc, url);
  if (!company) return { missing: 'company name (JSON-LD Organization, og:title or main h1)' };
  const employees = queryAll(doc, LI.employeesAt.css, MAX_CARDS);
  const cards = peopleTab
    ? queryAll(doc, LI.peopleTabCard.css, MAX_CARDS)
    : employees;
  const people = readCards(cards, url, 'listed');
  if (peopleTab && !people.length) return { missing: `People tab cards (${LI.peopleTabCard.css})` };
  return { people, organizations: [company] };
}

/** Logged-in people search (search-results.html): one card per result, placeholders for hidden members skipped. */
export function readSearchResults(doc: Document, url: URL): DraftResult {
  const cards = queryAll(doc, LI.searchCard.css, MAX_CARDS);
  if (!cards.length) return { missing: `search result cards (${LI.searchCard.css})` };
  // A card can match two of the selectors (the <li> and its inner div): keep the innermost.
  const innermost = cards.filter((card) => !cards.some((other) => other !== card && card.contains(other)));
  return { people: readCards(innermost, url, 'listed'), organizations: [] };
}
