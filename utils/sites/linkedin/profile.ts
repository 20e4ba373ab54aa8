import type { ExperienceSignal, PageKind } from '../../signals/schema';
import { findJsonLd, LdPerson, ldOrganizations, meta, pageTitle } from '../structured';
import { cleanText, queryAll, textOf } from '../text';
import type { DraftPerson, DraftResult } from '../types';
import { readCards } from './cards';
import { guestExperience, jsonLdExperience, loggedInExperience, topEntities } from './experience';
import { LI } from './selectors';
import { canonicalProfileUrl, profileSlug } from './url';
import { displayName, voyagerProfile } from './voyager';

// A member profile, its /details/experience/ page, and the "People also viewed" rail.
// The subject is always people[0]; rail entries follow with role "related".

/** "(1) Sofia Andersson Reyes | LinkedIn", "Sofia Andersson Reyes - Engineering … | LinkedIn" → the name. */
function nameFromTitle(doc: Document): string {
  const segments = pageTitle(doc)
    .replace(/^\(\d+\+?\)\s*/, '')
    .split(/\s\|\s/)
    .map((part) => part.trim())
    .filter((part) => part && !/^linkedin$/i.test(part) && !/^(experience|職歴|berufserfahrung|expérience|experiencia)$/i.test(part));
  return cleanText(segments[0]?.split(/\s-\s/)[0]);
}

/** Same words regardless of order or spacing: "太郎 山田" and "山田 太郎", "Sofia  Andersson Reyes". */
function sameName(a: string, b: string): boolean {
  const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean).sort().join(' ');
  return a !== '' && words(a) === words(b);
}

/** The first <h2> after the <h1> in the top card, skipping sign-in dialogs ("Sign in to view Sofia’s full profile"). */
function headingAfter(h1: Element, card: Element): Element | undefined {
  const inDialog = (h2: Element) => {
    for (let node = h2.parentElement; node && node !== card; node = node.parentElement) {
      if (node.matches('[role="dialog"], [aria-modal="true"], [aria-hidden="true"]')) return true;
    }
    return false;
  };
  return queryAll(card, 'h2', 30).find((h2) => h1.compareDocumentPosition(h2) & 4 && !inDialog(h2));
}

function experienceSection(doc: Document, kind: PageKind): { section: Element; layout: 'logged-in' | 'guest' } | undefined {
  const guest = doc.querySelector(LI.guestExperience.css);
  if (guest) return { section: guest, layout: 'guest' };
  const anchored = doc.querySelector(LI.experienceAnchor.css)?.closest('section');
  if (anchored) return { section: anchored, layout: 'logged-in' };
  // /details/experience/ has no #experience anchor: its main landmark holds only the list.
  const main = doc.querySelector('main');
  if (kind === 'profile-details' && main && topEntities(main, 1).length) return { section: main, layout: 'logged-in' };
  return undefined;
}

function relatedPeople(doc: Document, base: URL): DraftPerson[] {
  const rails = queryAll(doc, LI.rail.css, 5).map(
    (anchor) => anchor.closest('section') ?? anchor,
  );
  const cards = rails.flatMap((rail) => {
    const entities = topEntities(rail, 50);
    return entities.length ? entities : queryAll(rail, 'li', 50);
  });
  return readCards(cards, base, 'related');
}

/**
 * Whose page this is. Structured data first (Voyager island, JSON-LD, profile:* meta); the <h1> alone
 * is only trusted when the <title> names the same person — "Profile Not Found" pages have an <h1> too.
 */
export function readProfile(doc: Document, kind: PageKind, url: URL): DraftResult {
  const slug = profileSlug(url);
  if (!slug) return { missing: 'profile slug in URL' };
  const voyager = voyagerProfile(doc, slug);
  const ld = findJsonLd(doc, LdPerson);
  const metaName = cleanText(`${meta(doc, 'profile:first_name')} ${meta(doc, 'profile:last_name')}`);
  const heading = doc.querySelector('main h1') ?? doc.querySelector('h1');
  const headingText = textOf(heading, 300);
  const titleName = nameFromTitle(doc);

  const structured = [voyager ? displayName(voyager) : '', cleanText(ld?.name), metaName].filter(Boolean);
  const headingTrusted = headingText !== '' && (structured.some((name) => sameName(name, headingText)) || sameName(titleName, headingText));
  // What the user sees, when structured data agrees with it; otherwise the structured name.
  const name = headingTrusted ? headingText : structured[0];
  if (!name) return { missing: 'profile name (Voyager profile, JSON-LD Person, profile:first_name or <h1> matching <title>)' };

  const found = experienceSection(doc, kind);
  let experience: ExperienceSignal[] = [];
  if (found) experience = found.layout === 'guest' ? guestExperience(found.section) : loggedInExperience(found.section);
  if (!experience.length && ld) experience = jsonLdExperience(ld);
  if (kind === 'profile-details' && !experience.length) return { missing: 'experience list (main [data-view-name="profile-component-entity"])' };

  // Logged-in: Voyager, then the suggestion target under the <h1>; guest: the top card's <h2>.
  const topCard = heading?.closest('section');
  const headline =
    cleanText(voyager?.headline) ||
    textOf(doc.querySelector(LI.headline.css)) ||
    (heading && topCard ? textOf(headingAfter(heading, topCard)) : '');
  const worksFor = ldOrganizations(ld?.worksFor)[0]?.name;
  const currentOrganization = cleanText(worksFor) || experience.find((entry) => entry.to === null)?.organization;

  const altNames = [...new Set([...structured, headingText])].filter((alt) => alt !== '' && alt !== name);
  const subject: DraftPerson = {
    signal: {
      name,
      ...(altNames.length ? { altNames } : {}),
      ...(headline ? { headline } : {}),
      profileUrl: canonicalProfileUrl(slug),
      ...(currentOrganization ? { currentOrganization } : {}),
      ...(experience.length ? { experience } : {}),
    },
    element: headingTrusted ? heading : null,
    role: 'subject',
  };
  const related = relatedPeople(doc, url).filter((person) => person.signal.profileUrl !== subject.signal.profileUrl);
  return { people: [subject, ...related], organizations: [] };
}
