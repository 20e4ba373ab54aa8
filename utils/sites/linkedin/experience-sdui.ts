import type { ExperienceSignal } from '../../signals/schema';
import { parseDateRange, type MonthRange } from '../dates';
import { queryAll, textOf } from '../text';
import { datedEntries, logoName, organizationFrom } from './dated-entries';
import { linesOf } from './lines';
import { experienceEntry } from './experience';
import { LI } from './selectors';
import { EXPERIENCE_HEADING } from './ui-words';

// Experience in the 2026 app (React SDUI). The section arrives after the top card (lazily, when the
// user scrolls) and carries no classes worth reading: it is found by its card key
// (…ExperienceTopLevelSection on the profile, …ExperienceDetailsSection on /details/experience/) or
// by its heading's words, and each entry is read from its text lines — title, "Company · Full-time",
// "Apr 2019 - Present · 7 yrs", location — or, for several roles at one company, a header
// (company, total duration) over a list of roles. Dates in English or Japanese
// ("2019年4月～現在 · 7年 1か月").

const MAX_ENTRIES = 200;
/** List items of any markup: <li> or an ARIA listitem. */
const ITEMS = 'li, [role="listitem"]';

/** Whether a heading says "Experience" (its screen-reader twin may follow: "Experience Experience"). */
function isExperienceHeading(heading: Element): boolean {
  return [textOf(heading, 80), ...linesOf(heading, 3).map((line) => line.text)].some((text) => EXPERIENCE_HEADING.test(text));
}

/** The region a heading titles: its <section>, else the nearest ancestor that also holds a list. */
function regionOf(heading: Element): Element | undefined {
  const section = heading.closest('section');
  if (section) return section;
  let node = heading.parentElement;
  for (let depth = 0; node && depth < 6; depth++, node = node.parentElement) {
    if (node.querySelector(ITEMS)) return node;
  }
  return undefined;
}

/**
 * The Experience section, if it has arrived: the 2026 app's keyed section, else the region under a
 * heading (any level) that says Experience / 職歴 and holds list items — whatever a new layout calls
 * its classes, a profile's Experience is a titled list.
 */
export function sduiExperienceSection(doc: Document): Element | undefined {
  const keyed = doc.querySelector(LI.sduiExperience.css);
  if (keyed) return keyed;
  const scope = doc.querySelector('[role="main"]') ?? doc.querySelector('main') ?? doc.body;
  if (!scope) return undefined;
  for (const heading of queryAll(scope, 'h1, h2, h3, h4', 120)) {
    if (heading.closest('aside, [role="complementary"]') || !isExperienceHeading(heading)) continue;
    const region = regionOf(heading);
    if (region && region.querySelector(`${LI.sduiEntry.css}, ${ITEMS}`)) return region;
  }
  return undefined;
}

function dated(lines: string[]): { index: number; range: MonthRange | undefined } {
  for (let index = 0; index < lines.length; index++) {
    const range = parseDateRange(lines[index]);
    if (range) return { index, range };
  }
  return { index: -1, range: undefined };
}

/** Text lines of `root` that are not inside one of `nested` (a grouped entry's role list). */
function ownLines(root: Element, nested: Element[]): string[] {
  return linesOf(root, 40)
    .filter((line) => !nested.some((inner) => inner.contains(line.element)))
    .map((line) => line.text);
}

function readEntry(item: Element): ExperienceSignal[] {
  // Several roles at one company: a list of dated roles under the company's header.
  // Its own roles: list items with no other list item between them and the entry.
  const roles = queryAll(item, ITEMS, 50).filter((li) => {
    const outer = li.parentElement?.closest(ITEMS);
    return !outer || outer === item || !item.contains(outer);
  });
  const datedRoles = roles.filter((li) => dated(linesOf(li, 12).map((line) => line.text)).range);
  if (datedRoles.length > 0) {
    const header = ownLines(item, roles);
    const organization = organizationFrom(header[0]) || logoName(item);
    if (!organization) return [];
    return datedRoles.map((role) => {
      const lines = linesOf(role, 12).map((line) => line.text);
      const { index, range } = dated(lines);
      return experienceEntry(organization, index > 0 ? lines[0] : undefined, range);
    });
  }
  const lines = linesOf(item, 20).map((line) => line.text);
  const { index, range } = dated(lines);
  // Title, then "Company · type"; without a date line the second line is still the company.
  const companyLine = index === -1 ? lines[1] : index >= 2 ? lines[1] : undefined;
  const organization = organizationFrom(companyLine) || logoName(item);
  if (!organization) return [];
  return [experienceEntry(organization, index === 0 ? undefined : lines[0], range)];
}

/**
 * Every entry of an Experience section: the 2026 app's outermost keyed items; in a section without
 * them, the blocks around its date lines (dated-entries.ts).
 */
export function sduiExperience(section: Element): ExperienceSignal[] {
  let items = queryAll(section, LI.sduiEntry.css, MAX_ENTRIES * 4);
  items = items.filter((item) => !items.some((other) => other !== item && other.contains(item)));
  if (!items.length) return datedEntries(section, queryAll(section, 'h1, h2, h3, h4', 20).find(isExperienceHeading));
  return items.slice(0, MAX_ENTRIES).flatMap(readEntry).slice(0, MAX_ENTRIES);
}
