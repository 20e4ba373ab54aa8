import { hostWithin, NETWORK_DOMAINS, websiteHost } from '../host';
import { findJsonLd, LdOrganization, meta, pageTitle } from '../structured';
import { cleanText, queryAll, textOf } from '../text';
import type { DraftResult, OrganizationSignal } from '../types';
import { readCards } from './cards';
import { LI } from './selectors';
import { canonicalCompanyUrl, companySlug } from './url';
import { voyagerCompany } from './voyager';

// Company pages, their People tab, and people search results: an organisation and/or a list of people.

const MAX_CARDS = 500;

/** The guest about-us website link shows the URL as text; its href is LinkedIn's redirect (…/redir/redirect?url=…). */
function websiteDomain(link: Element | null): string | undefined {
  if (!link) return undefined;
  const href = link.getAttribute('href') ?? '';
  const target = URL.canParse(href) ? new URL(href).searchParams.get('url') : null;
  return websiteHost(textOf(link, 300)) ?? websiteHost(target);
}

/** The logged-in "Visit website" button links the site itself; a LinkedIn link there is not a website. */
function topCardWebsite(link: Element | null): string | undefined {
  const host = websiteHost(link?.getAttribute('href'));
  return host && !NETWORK_DOMAINS.some((domain) => hostWithin(host, domain)) ? host : undefined;
}

/**
 * The company a /company/<slug> page is about. Structured data first: the Voyager Company record
 * (logged-in) or JSON-LD Organization (guest); else the main <h1>, else og:title / <title>
 * ("Audiense | LinkedIn"). Its website (Voyager websiteUrl, JSON-LD sameAs, the guest about-us row or
 * the logged-in "Visit website" button) gives the domain the recognition engine matches organisations by.
 */
function readCompany(doc: Document, url: URL): OrganizationSignal | undefined {
  const slug = companySlug(url);
  if (!slug) return undefined;
  const voyager = voyagerCompany(doc, slug);
  const ld = findJsonLd(doc, LdOrganization, (org) => org['@type'] === 'Organization' || org['@type'] === 'Corporation');
  // "(2) Audiense: People | LinkedIn" — unread count, tab name and site name removed.
  const fromTitle = (meta(doc, 'og:title') || pageTitle(doc))
    .replace(/^\(\d+\+?\)\s*/, '')
    .split(/\s\|\s/)[0]
    .replace(/:\s*(overview|about|people|posts|jobs|life|概要|会社概要|社員|投稿|求人)$/i, '');
  const heading = textOf(doc.querySelector('main h1') ?? doc.querySelector('h1'), 300);
  const name = cleanText(voyager?.name) || cleanText(ld?.name) || heading || cleanText(fromTitle);
  if (!name) return undefined;
  const sameAs = Array.isArray(ld?.sameAs) ? ld.sameAs[0] : ld?.sameAs;
  const domain =
    websiteHost(cleanText(voyager?.websiteUrl)) ??
    websiteHost(cleanText(sameAs)) ??
    websiteDomain(doc.querySelector(LI.companyWebsite.css)) ??
    topCardWebsite(doc.querySelector(LI.companyTopCardWebsite.css));
  return { name, url: canonicalCompanyUrl(slug), ...(domain ? { domain } : {}) };
}

/**
 * Company overview: guest "Employees at X" (li-company-public-2024.html) or the logged-in
 * "People you may know at X" module (written/li-company-overview-loggedin.html); People tab: its cards.
 */
export function readCompanyPage(doc: Document, url: URL, peopleTab: boolean): DraftResult {
  const company = readCompany(doc, url);
  if (!company) return { missing: 'company name (Voyager Company record, JSON-LD Organization, main h1 or og:title)' };
  const employees = queryAll(doc, `${LI.employeesAt.css}, ${LI.companyPeopleModule.css}`, MAX_CARDS);
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
