import type { ExperienceSignal, PageKind } from '../../signals/schema';
import { findJsonLd, LdPerson, ldOrganizations, meta, pageTitle } from '../structured';
import { cleanText, queryAll, textOf } from '../text';
import type { DraftPerson, DraftResult } from '../types';
import { guestExperience, jsonLdExperience, loggedInExperience, topEntities } from './experience';
import { sduiExperience, sduiExperienceSection } from './experience-sdui';
import { layerCounts, type LayerReport, missingPeople } from './layers';
import { readMembers } from './member-links';
import { guardName, nameFromLabel } from './name-guard';
import { LI } from './selectors';
import { sameName, subjectHeading, topCardFacts, topCardOf } from './topcard';
import { PEOPLE_MODULE_HEADINGS } from './ui-words';
import { canonicalProfileUrl, profileSlug } from './url';
import { displayName, voyagerProfile } from './voyager';

// A member profile, its /details/experience/ page, and the people modules beside it ("People also
// viewed", "People you may know"). The subject is always people[0]; module entries follow with role
// "related". Layers, each able to stand alone and none deciding alone: structured data (Voyager
// island, JSON-LD, profile:* meta); the <title> agreeing with a heading of any level; the top card's
// lines and accessible labels; the Experience section of whichever layout is on the page.

/** "(1) Sofia Andersson Reyes | LinkedIn", "Sofia Andersson Reyes - Engineering … | LinkedIn" → the name. */
function nameFromTitle(doc: Document): string {
  const segments = pageTitle(doc)
    .replace(/^\(\d+\+?\)\s*/, '')
    .split(/\s\|\s/)
    .map((part) => part.trim())
    .filter((part) => part && !/^linkedin$/i.test(part) && !/^(experience|職歴|berufserfahrung|expérience|experiencia)$/i.test(part));
  return cleanText(segments[0]?.split(/\s-\s/)[0]);
}

/** The first <h2> after the <h1> in the guest top card, skipping sign-in dialogs. */
function headingAfter(h1: Element, card: Element): Element | undefined {
  const inDialog = (h2: Element) => {
    for (let node = h2.parentElement; node && node !== card; node = node.parentElement) {
      if (node.matches('[role="dialog"], [aria-modal="true"], [aria-hidden="true"]')) return true;
    }
    return false;
  };
  return queryAll(card, 'h2', 30).find((h2) => h1.compareDocumentPosition(h2) & 4 && !inDialog(h2));
}

function experienceOf(doc: Document, kind: PageKind): ExperienceSignal[] {
  const guest = doc.querySelector(LI.guestExperience.css);
  if (guest) return guestExperience(guest);
  const anchored = doc.querySelector(LI.experienceAnchor.css)?.closest('section');
  if (anchored) return loggedInExperience(anchored);
  // The 2026 app's section, or any section titled Experience (Ember rows in it are read as Ember rows).
  const titled = sduiExperienceSection(doc);
  if (titled) return topEntities(titled, 1).length ? loggedInExperience(titled) : sduiExperience(titled);
  // Ember /details/experience/ has no #experience anchor: its main landmark holds only the list.
  const main = doc.querySelector('main');
  if (kind === 'profile-details' && main && topEntities(main, 1).length) return loggedInExperience(main);
  return [];
}

/** Page chrome that is never a people module: the global header and nav, the footer, dialogs. */
const CHROME = 'header, nav, footer, [role="dialog"], [aria-modal="true"], [role="toolbar"]';

/**
 * Whether a link sits in one of the page's people modules: inside a rail the layouts mark (Ember
 * #browsemap_recommendation, the 2026 app's profileAside… cards) or, in document order, under a
 * module's heading. A module heading is one whose words say so ("People also viewed", "知り合いかも"…)
 * or, in the 2026 app, any heading after the subject's that is not in one of the subject's own cards
 * (About, Activity, Experience… are keyed to the member) — so a module is found whatever its title's
 * language. Document order, not nesting: a saved 2026 page re-parsed by a browser moves rail entries
 * out of their column (LinkedIn nests links in links, which HTML parsing undoes), but never ahead of
 * their heading.
 */
function inPeopleModules(doc: Document, subjectHeading: Element | undefined): ((link: Element) => boolean) | undefined {
  const rails = queryAll(doc, `${LI.rail.css}, ${LI.sduiRail.css}`, 15).map((anchor) => (anchor.matches(LI.rail.css) ? (anchor.closest('section') ?? anchor) : anchor));
  // A person's name set as a heading inside a card (in a list item, in or around a link) titles no module.
  const headings = queryAll(doc, 'h1, h2, h3, h4', 400).filter(
    (heading) => heading === subjectHeading || !(heading.closest('li, [role="listitem"], a[href]') || heading.querySelector('a[href]')),
  );
  const app = subjectHeading?.closest(LI.sduiTopcard.css) ? subjectHeading : undefined;
  const module = headings.map((heading) => {
    if (heading.closest(CHROME)) return false;
    if (PEOPLE_MODULE_HEADINGS.some((words) => words.test(textOf(heading, 100)))) return true;
    return Boolean(app && app.compareDocumentPosition(heading) & 4 && !heading.closest(LI.sduiProfileCard.css));
  });
  if (!rails.length && !module.includes(true)) return undefined;
  return (link) => {
    if (link.closest(CHROME)) return false;
    if (rails.some((rail) => rail.contains(link))) return true;
    // The last heading before the link (headings are in document order).
    let low = 0;
    let high = headings.length - 1;
    let last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (headings[mid].compareDocumentPosition(link) & 4) {
        last = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return last >= 0 && module[last];
  };
}

function relatedPeople(doc: Document, base: URL, subjectUrl: string, subjectHeading: Element | undefined): DraftPerson[] {
  const accept = inPeopleModules(doc, subjectHeading);
  if (!accept) return [];
  // The whole body: a re-parsed 2026 page can leave rail entries outside the main landmark.
  const root = doc.body;
  return root ? readMembers(root, { base, role: 'related', exclude: new Set([subjectUrl]), acceptLink: accept, cards: [LI.entity.css] }).people : [];
}

/**
 * A <title> name without a heading to agree with counts when the page's own labels name the same
 * member ("Invite Md Arif Chowdhury to connect", "Follow …") or a link to this profile shows it.
 */
function confirmsTitle(doc: Document, url: URL, profileUrl: string, titleName: string): boolean {
  const scope = doc.querySelector(LI.sduiTopcard.css) ?? doc.querySelector('[role="main"], main');
  if (!scope) return false;
  const labels = queryAll(scope, '[aria-label]', 80).map((element) => nameFromLabel(element.getAttribute('aria-label')));
  return [...labels, ...ownLinkTexts(scope, url, profileUrl)].some((name) => name !== undefined && sameName(name, titleName));
}

/**
 * Whose page this is. Structured data first (Voyager island, JSON-LD, profile:* meta); a heading of
 * any level is trusted when structured data or the <title> names the same person — "Profile Not
 * Found" pages have a heading too. Without structured data and heading, the <title> counts only when
 * the page's own labels ("Invite NAME to connect") or a link to this profile shows the same name.
 */
export function readProfile(doc: Document, kind: PageKind, url: URL): DraftResult {
  const slug = profileSlug(url);
  if (!slug) return { missing: 'profile slug in URL' };
  const profileUrl = canonicalProfileUrl(slug);
  const voyager = voyagerProfile(doc, slug);
  const ld = findJsonLd(doc, LdPerson);
  const metaName = cleanText(`${meta(doc, 'profile:first_name')} ${meta(doc, 'profile:last_name')}`);
  const titleName = nameFromTitle(doc);
  const structured = [voyager ? displayName(voyager) : '', cleanText(ld?.name), metaName].filter(Boolean);

  // Each layer only when the ones before it left the name open: on a 10,000-row page every query counts.
  const legacyHeading = doc.querySelector('main h1') ?? doc.querySelector('h1');
  const agrees = (element: Element | null | undefined) => Boolean(element && [...structured, titleName].some((name) => sameName(name, textOf(element, 300))));
  const heading = agrees(legacyHeading) ? legacyHeading! : structured.length ? undefined : subjectHeading(doc, [titleName]);
  const headingText = heading ? textOf(heading, 300) : '';
  const card = heading ? topCardOf(heading) : undefined;
  const confirmedTitle =
    !heading && !structured.length && titleName && confirmsTitle(doc, url, profileUrl, titleName) ? titleName : '';

  const shown = guardName(headingText || structured[0] || confirmedTitle);
  if (!shown.ok) {
    const layers: LayerReport = { structured: structured.length, anchors: heading ? 1 : 0, rejected: {} };
    if (headingText || structured[0] || confirmedTitle) layers.rejected[shown.reason] = 1;
    const what = 'profile name (Voyager profile, JSON-LD Person, profile:* meta, or a heading matching <title>)';
    return { missing: missingPeople(what, layers), layers: layerCounts(layers) };
  }
  const name = shown.name;

  let experience = experienceOf(doc, kind);
  if (!experience.length && ld) experience = jsonLdExperience(ld);
  if (kind === 'profile-details' && !experience.length) {
    return { missing: 'experience list (Ember profile entities, a 2026 ExperienceDetailsSection or a section headed Experience)' };
  }

  // Logged-in Ember: Voyager, then the suggestion target under the <h1>; guest: the top card's <h2>;
  // 2026 app: the card's lines after the name.
  const guestHeadline = heading && heading.tagName === 'H1' ? textOf(headingAfter(heading, heading.closest('section') ?? heading)) : '';
  const facts = heading && card && !structured.length ? topCardFacts(card, heading, name) : {};
  const headline = cleanText(voyager?.headline) || textOf(doc.querySelector(LI.headline.css)) || guestHeadline || facts.headline || '';
  const worksFor = ldOrganizations(ld?.worksFor)[0]?.name;
  const currentOrganization =
    cleanText(worksFor) || experience.find((entry) => entry.to === null)?.organization || facts.currentOrganization;

  const altNames = [...new Set([...structured, headingText])].filter((alt) => alt !== '' && alt !== name);
  const subject: DraftPerson = {
    signal: {
      name,
      ...(altNames.length ? { altNames } : {}),
      ...(headline ? { headline } : {}),
      profileUrl,
      ...(currentOrganization ? { currentOrganization } : {}),
      ...(experience.length ? { experience } : {}),
    },
    element: heading ?? null,
    role: 'subject',
  };
  return { people: [subject, ...relatedPeople(doc, url, profileUrl, heading)], organizations: [] };
}

/** Visible texts of links to this very profile (the 2026 sticky header and top card link the name). */
function ownLinkTexts(scope: Element, url: URL, profileUrl: string): string[] {
  return queryAll(scope, 'a[href*="/in/"]', 300)
    .filter((link) => {
      const href = link.getAttribute('href') ?? '';
      return URL.canParse(href, url) && canonicalProfileUrl(profileSlug(new URL(href, url)) ?? '') === profileUrl;
    })
    .map((link) => textOf(link.querySelector('p, span, h1, h2, h3') ?? link, 300))
    .filter(Boolean)
    .slice(0, 20);
}
