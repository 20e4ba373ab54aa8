import type { ExperienceSignal } from '../../signals/schema';
import { parseDateRange, type MonthRange } from '../dates';
import { cleanText, queryAll, textOf } from '../text';
import { linesOf } from './lines';
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

/** The Experience section of a 2026-app page, if it has arrived. */
export function sduiExperienceSection(doc: Document): Element | undefined {
  const keyed = doc.querySelector(LI.sduiExperience.css);
  if (keyed) return keyed;
  for (const heading of queryAll(doc, 'main h2, [role="main"] h2', 60)) {
    if (!EXPERIENCE_HEADING.test(textOf(heading, 60))) continue;
    const section = heading.closest('section');
    if (section && section.querySelector(LI.sduiEntry.css)) return section;
  }
  return undefined;
}

/** "Mercari · Full-time" → "Mercari"; a line that is only a duration or an employment type is not a company. */
function organizationFrom(line: string | undefined): string {
  const first = cleanText(line?.split(/\s[·•]\s/)[0]);
  if (!first || parseDateRange(first) || /^\d+\s*(?:yrs?|mos?|years?|months?|年|か月|ヶ月)\b/i.test(first)) return '';
  return first;
}

/** "Mercari logo" / "Mercariのロゴ": the company a logo names. */
function logoName(entry: Element): string {
  for (const element of queryAll(entry, '[aria-label], img[alt]', 10)) {
    const label = cleanText(element.getAttribute('aria-label') ?? element.getAttribute('alt'));
    const match = /^(.+?)\s*(?:logo|のロゴ|ロゴ)$/i.exec(label);
    if (match) return match[1];
  }
  return '';
}

function entry(organization: string, title: string | undefined, range: MonthRange | undefined): ExperienceSignal {
  return {
    organization,
    ...(title ? { title } : {}),
    ...(range?.from ? { from: range.from } : {}),
    ...(range && range.to !== undefined ? { to: range.to } : {}),
  };
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
  const roles = queryAll(item, 'li', 50).filter((li) => !li.parentElement?.closest('li') || !item.contains(li.parentElement.closest('li')));
  const datedRoles = roles.filter((li) => dated(linesOf(li, 12).map((line) => line.text)).range);
  if (datedRoles.length > 0) {
    const header = ownLines(item, roles);
    const organization = organizationFrom(header[0]) || logoName(item);
    if (!organization) return [];
    return datedRoles.map((role) => {
      const lines = linesOf(role, 12).map((line) => line.text);
      const { index, range } = dated(lines);
      return entry(organization, index > 0 ? lines[0] : undefined, range);
    });
  }
  const lines = linesOf(item, 20).map((line) => line.text);
  const { index, range } = dated(lines);
  // Title, then "Company · type"; without a date line the second line is still the company.
  const companyLine = index === -1 ? lines[1] : index >= 2 ? lines[1] : undefined;
  const organization = organizationFrom(companyLine) || logoName(item);
  if (!organization) return [];
  return [entry(organization, index === 0 ? undefined : lines[0], range)];
}

/** Every entry of a 2026-app Experience section: the outermost keyed items, else its list items. */
export function sduiExperience(section: Element): ExperienceSignal[] {
  let items = queryAll(section, LI.sduiEntry.css, MAX_ENTRIES * 4);
  items = items.filter((item) => !items.some((other) => other !== item && other.contains(item)));
  if (!items.length) items = queryAll(section, 'li', MAX_ENTRIES * 4).filter((li) => !li.parentElement?.closest('li'));
  return items.slice(0, MAX_ENTRIES).flatMap(readEntry).slice(0, MAX_ENTRIES);
}
