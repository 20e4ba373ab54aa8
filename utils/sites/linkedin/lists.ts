import { hostWithin, NETWORK_DOMAINS, websiteHost } from '../host';
import { findJsonLd, LdOrganization, meta, pageTitle } from '../structured';
import { cleanText, queryAll, textOf } from '../text';
import type { DraftPerson, DraftResult, OrganizationSignal, PersonSignal } from '../types';
import { alternatives, LI } from './selectors';
import { layerCounts, type LayerReport, missingPeople } from './layers';
import { readMembers, type MemberReport } from './member-links';
import { PEOPLE_MODULE_HEADINGS } from './ui-words';
import { canonicalCompanyUrl, companySlug } from './url';
import { voyagerCompany } from './voyager';

// Pages that list people: company pages ("Employees at", "People you may know at X") and their People
// tab, people search, My Network → Connections. Every list is read by the generic member-link reader
// (member-links.ts), with the anchors each known layout offers tried first inside each card
// (artdeco-entity-lockup__title, entity-result__title-text, base-main-card__title…), so a layout
// without them — the 2026 app, a redesign — still reads, and no single class decides.

const MAX_PEOPLE = 500;

const [searchName, lockupName, mainCardName] = alternatives(LI.cardNames);
const NAME_ANCHORS = [searchName, lockupName, mainCardName];
const [searchHeadline, lockupHeadline, mainCardHeadline, asideHeadline] = alternatives(LI.cardHeadlines);
const HEADLINE_ANCHORS = [searchHeadline, lockupHeadline, mainCardHeadline, asideHeadline];
const KNOWN_CARDS = [
  ...alternatives(LI.searchCard).map((css) => css.replace(/^main\s+/, '')),
  LI.appSearchResult.css,
  LI.peopleTabCard.css.replace(/^main\s+/, ''),
  LI.companyPeopleModule.css.replace(/^main\s+/, ''),
  LI.employeesAt.css,
];

/**
 * Search results explain why they matched: "Current: Site Reliability Engineer at Audiense",
 * "Past: Account Manager at Audiense" (現在: / 過去:). A past employer is evidence even without dates.
 */
function summaryOf(card: Element): Partial<PersonSignal> {
  const summary = card.querySelector(LI.searchSummary.css);
  const candidates = summary ? [textOf(summary)] : queryAll(card, 'p, div', 40).map((element) => textOf(element, 400));
  for (const text of candidates) {
    const match = /^(Current|Past|現在|過去)\s*[:：]\s*(.+?)\s+(?:at|@)\s+(.+)$/i.exec(text);
    if (!match) continue;
    const [, when, title] = match;
    // "… at Tata Consultancy Services - During my tenure…": the snippet after the employer is not part of it.
    const organization = match[3].split(/\s[-–—|]\s|…|\.\.\./)[0].trim();
    if (!organization) continue;
    return /^(current|現在)$/i.test(when)
      ? { currentOrganization: organization, experience: [{ organization, title, to: null }] }
      : { experience: [{ organization, title }] };
  }
  return {};
}

/** The page's main landmark (the 2026 app wraps <main> in a role="main" screen); the body when there is none. */
function mainOf(doc: Document): Element {
  return doc.querySelector('[role="main"], main') ?? doc.body ?? doc.documentElement;
}

function read(root: Element, base: URL, withSummary: boolean): { people: DraftPerson[]; report: MemberReport } {
  return readMembers(root, {
    base,
    role: 'listed',
    cards: KNOWN_CARDS,
    nameAnchors: NAME_ANCHORS,
    headlineAnchors: HEADLINE_ANCHORS,
    maxPeople: MAX_PEOPLE,
    ...(withSummary ? { extra: summaryOf } : {}),
  });
}

/** A list page that gave nobody: the diagnostic says which layers found nothing, and why names were refused. */
function nobody(what: string, structured: number, anchors: number, report: MemberReport): DraftResult {
  const layers: LayerReport = { structured, anchors, memberLinks: report.links, rejected: report.rejected };
  return { missing: missingPeople(what, layers), layers: layerCounts(layers) };
}

// ——— company pages ———

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
 * (logged-in) or JSON-LD Organization (guest); else the main heading, else og:title / <title>
 * ("Audiense | LinkedIn"). Its website (Voyager websiteUrl, JSON-LD sameAs, the guest about-us row or
 * the logged-in "Visit website" button) gives the domain the recognition engine matches organisations by.
 */
function readCompany(doc: Document, url: URL): { company?: OrganizationSignal; structured: number } {
  const slug = companySlug(url);
  if (!slug) return { structured: 0 };
  const voyager = voyagerCompany(doc, slug);
  const ld = findJsonLd(doc, LdOrganization, (org) => org['@type'] === 'Organization' || org['@type'] === 'Corporation');
  // "(2) Audiense: People | LinkedIn" — unread count, tab name and site name removed.
  const fromTitle = (meta(doc, 'og:title') || pageTitle(doc))
    .replace(/^\(\d+\+?\)\s*/, '')
    .split(/\s\|\s/)[0]
    .replace(/:\s*(overview|about|people|posts|jobs|life|概要|会社概要|社員|投稿|求人)$/i, '');
  const heading = textOf(doc.querySelector('main h1') ?? doc.querySelector('h1'), 300);
  const name = cleanText(voyager?.name) || cleanText(ld?.name) || heading || cleanText(fromTitle);
  const structured = (voyager ? 1 : 0) + (ld ? 1 : 0);
  if (!name) return { structured };
  const sameAs = Array.isArray(ld?.sameAs) ? ld.sameAs[0] : ld?.sameAs;
  const domain =
    websiteHost(cleanText(voyager?.websiteUrl)) ??
    websiteHost(cleanText(sameAs)) ??
    websiteDomain(doc.querySelector(LI.companyWebsite.css)) ??
    topCardWebsite(doc.querySelector(LI.companyTopCardWebsite.css));
  return { company: { name, url: canonicalCompanyUrl(slug), ...(domain ? { domain } : {}) }, structured };
}

/** The company overview's people modules: "Employees at X" (guest), "People you may know at X" (logged in), or one so headed. */
function companyPeopleModules(doc: Document): Element[] {
  const known = queryAll(doc, `${LI.employeesAt.css}, ${LI.companyPeopleModule.css}`, 5).map(
    (item) => item.closest('section') ?? item.parentElement ?? item,
  );
  const headed = queryAll(doc, 'h2, h3', 200)
    .filter((heading) => PEOPLE_MODULE_HEADINGS.some((words) => words.test(textOf(heading, 100))))
    .flatMap((heading) => {
      const module = heading.closest('section') ?? heading.parentElement;
      return module ? [module] : [];
    });
  const all = [...known, ...headed];
  return all.filter((module, i) => all.indexOf(module) === i && !all.some((other) => other !== module && other.contains(module)));
}

/**
 * Company overview: its people modules (guest "Employees at X", li-company-public-2024.html; logged-in
 * "People you may know at X", written/li-company-overview-loggedin.html). People tab: every member
 * linked in its main landmark (written/li-company-people-loggedin.html), with the company as the
 * list's organisation.
 */
export function readCompanyPage(doc: Document, url: URL, peopleTab: boolean): DraftResult {
  const { company, structured } = readCompany(doc, url);
  if (!company) return { missing: 'company name (Voyager Company record, JSON-LD Organization, main h1 or og:title)' };
  if (!peopleTab) {
    const people = companyPeopleModules(doc).flatMap((module) => read(module, url, false).people);
    return { people: dedupe(people), organizations: [company] };
  }
  const { people, report } = read(mainOf(doc), url, false);
  if (!people.length) return nobody('People tab members', structured, report.items, report);
  return { people, organizations: [company] };
}

function dedupe(people: DraftPerson[]): DraftPerson[] {
  const seen = new Set<string>();
  return people.filter((person) => {
    const key = person.signal.profileUrl ?? person.signal.name;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ——— people search, connections ———

/**
 * People search, every generation: Ember result cards (data-chameleon-result-urn, search-entity-result…),
 * the 2026 app's role="listitem" results, or anything else that links members from the main landmark.
 * Hidden members ("LinkedIn Member") and presence text ("Status is offline") never become people.
 */
export function readSearchResults(doc: Document, url: URL): DraftResult {
  const { people, report } = read(mainOf(doc), url, true);
  if (!people.length) return nobody('search results', 0, report.items, report);
  return { people, organizations: [] };
}

/** My Network → Connections: one row per connection (linkedin-2026/li-connections-2026.html). */
export function readConnections(doc: Document, url: URL): DraftResult {
  const { people, report } = read(mainOf(doc), url, false);
  if (!people.length) return nobody('connections', 0, report.items, report);
  return { people, organizations: [] };
}
