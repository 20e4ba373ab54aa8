import type { ExperienceSignal } from '../../signals/schema';
import { parseDateRange, parseIsoMonth } from '../dates';
import { ldOrganizations, type LdPerson } from '../structured';
import { cleanText, queryAll, textOf } from '../text';
import { LI } from './selectors';

// Experience entries in LinkedIn's three layouts. Volunteering, education and every other section
// are never read: callers pass the experience section only.

const MAX_ENTRIES = 200;

// ——— logged-in (voyager-web), profile page and /details/experience/ ———
// Proven by li-profile-loggedin-2024.html and ja-profile-loggedin.html. Class names there are hashed, so
// rows are found by `data-view-name`, and each text is read from its `span[aria-hidden="true"]` copy
// (the `visually-hidden` twin says "Jul 2021 to Present" for screen readers).
const ENTITY = LI.entity.css;

function isInside(element: Element, root: Element, test: (el: Element) => boolean): boolean {
  for (let node = element.parentElement; node && node !== root; node = node.parentElement) if (test(node)) return true;
  return false;
}

/** Direct entities of `root`: not nested inside another entity below root. */
export function topEntities(root: Element, limit = MAX_ENTRIES): Element[] {
  return queryAll(root, ENTITY, limit * 4)
    .filter((entity) => !isInside(entity, root, (el) => el.matches(ENTITY)))
    .slice(0, limit);
}

/** An entity's own text lines: not those of nested entities, and not descriptions/media (inside a sub-list). */
function ownLines(entity: Element): string[] {
  return queryAll(entity, 'span[aria-hidden="true"]', 200)
    .filter((span) => !isInside(span, entity, (el) => el.tagName === 'UL' || el.matches(ENTITY)))
    .map((span) => textOf(span))
    .filter((line) => line !== '');
}

/** "Spotify logo" / "Spotifyのロゴ" → "Spotify". */
function logoName(entity: Element): string {
  const alt = (entity.querySelector(LI.companyLogo.css) ?? entity.querySelector('img[alt]'))?.getAttribute('alt');
  return cleanText(alt).replace(/\s*(?:logo|のロゴ|ロゴ)$/i, '');
}

function dated(lines: string[]): { index: number; range: ReturnType<typeof parseDateRange> } {
  for (let index = 0; index < lines.length; index++) {
    const range = parseDateRange(lines[index]);
    if (range) return { index, range };
  }
  return { index: -1, range: undefined };
}

/** One experience entry from what a layout shows: the organisation, a title, a month range. */
export function experienceEntry(organization: string, title: string | undefined, range: ReturnType<typeof parseDateRange>): ExperienceSignal {
  return {
    organization,
    ...(title ? { title } : {}),
    ...(range?.from ? { from: range.from } : {}),
    ...(range && range.to !== undefined ? { to: range.to } : {}),
  };
}

function loggedInEntity(entity: Element): ExperienceSignal[] {
  const lines = ownLines(entity);
  const roles = topEntities(entity, 50).filter((role) => role !== entity);
  if (roles.length > 0) {
    // Grouped: the header names the company ("Rovio Entertainment", "5 yrs 11 mos"); each role its title and dates.
    const organization = (lines[0] && !parseDateRange(lines[0]) ? lines[0] : '') || logoName(entity);
    return roles.map((role) => {
      const roleLines = ownLines(role);
      const { index, range } = dated(roleLines);
      return experienceEntry(organization, index === 0 ? undefined : roleLines[0], range);
    });
  }
  // Single role: title, "Company · Employment type", dates, location.
  const { index, range } = dated(lines);
  const companyLine = index === -1 ? lines[1] : index >= 2 ? lines[1] : undefined;
  const organization = cleanText(companyLine?.split(/\s[·•]\s/)[0]) || logoName(entity);
  if (!organization) return [];
  return [experienceEntry(organization, index === 0 ? undefined : lines[0], range)];
}

export function loggedInExperience(section: Element): ExperienceSignal[] {
  return topEntities(section).flatMap(loggedInEntity).slice(0, MAX_ENTRIES);
}

// ——— logged-out (guest) public profile, 2023–2026 ———
// Proven by li-profile-public-2024.html and li-profile-public-2026.html: one <li> per role with the
// title in its <h3> and the company in its <h4>; grouped roles sit in an <li> whose header <h4> names
// the company. Dates: the element holding the <time>s ("<time>Jul 2021</time> - Present <span>2 years…</span>").

function guestDates(item: Element): ReturnType<typeof parseDateRange> {
  const holder = item.querySelector(LI.guestDateRange.css) ?? item.querySelector('time')?.parentElement;
  if (!holder) return undefined;
  // Only the holder's own text and <time> children: the nested <span> is the duration.
  let text = '';
  for (const node of Array.from(holder.childNodes).slice(0, 20)) {
    if (node.nodeType === 3 || (node as Element).tagName === 'TIME') text += node.textContent ?? '';
  }
  return parseDateRange(text) ?? parseDateRange(textOf(holder));
}

function guestGroupCompany(item: Element, section: Element): string {
  const group = item.parentElement?.closest('li');
  if (!group || !section.contains(group)) return '';
  const header = queryAll(group, 'h4', 20).find((h4) => !h4.closest('li') || h4.closest('li') === group);
  return textOf(header);
}

export function guestExperience(section: Element): ExperienceSignal[] {
  return queryAll(section, 'li', MAX_ENTRIES * 4)
    .filter((li) => li.querySelector('h3') && !li.querySelector('li'))
    .slice(0, MAX_ENTRIES)
    .flatMap((li) => {
      const organization = textOf(li.querySelector('h4')) || guestGroupCompany(li, section);
      if (!organization) return [];
      return [experienceEntry(organization, textOf(li.querySelector('h3')) || undefined, guestDates(li))];
    });
}

// ——— JSON-LD (guest pages): worksFor + alumniOf, minus schools ———
// Has no titles and only one role per grouped company, so it is the fallback when the list is missing.
export function jsonLdExperience(person: LdPerson): ExperienceSignal[] {
  const read = (list: unknown[] | undefined, current: boolean) =>
    ldOrganizations(list)
      .filter((org) => org['@type'] !== 'EducationalOrganization')
      .map((org) => {
        const role = Array.isArray(org.member) ? org.member[0] : org.member;
        const from = parseIsoMonth(role?.startDate, false);
        const to = current ? null : parseIsoMonth(role?.endDate, true);
        return { organization: cleanText(org.name), ...(from ? { from } : {}), ...(to !== undefined ? { to } : {}) };
      });
  return [...read(person.worksFor, true), ...read(person.alumniOf, false)].filter((e) => e.organization).slice(0, MAX_ENTRIES);
}
