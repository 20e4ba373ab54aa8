import type { ExperienceSignal } from '../signals/schema';
import { parseDateRange } from './dates';
import { queryAll, textOf } from './text';

// A career timeline on a server-rendered profile (Wantedly, Xing): a section found by its heading's
// words, one item per role, each with the organisation, the title and a date line. Sites differ in
// which element holds which, so they pass selectors; dates are found by trying each text line.

/** Words a timeline section's heading uses, by site language. Data, not code: add a language here. */
export const EXPERIENCE_HEADINGS = /^(職歴|経歴|work experience|experience|berufserfahrung|berufliche erfahrung|professional experience)$/i;

/**
 * The list a heading introduces: the element right after the heading whose words name the timeline
 * ("職歴" → its <ul>; Xing's "Berufserfahrung" → the bucket before "Ausbildung"), so education and
 * volunteering under their own headings are never read as employers.
 */
export function listAfterHeading(doc: Document, words: RegExp): Element | undefined {
  for (const heading of queryAll(doc, 'h2, h3', 200)) {
    const list = heading.nextElementSibling;
    // A heading followed by another heading introduces nothing itself ("Werdegang" → "Berufserfahrung").
    if (words.test(textOf(heading, 100)) && list && !/^H[1-6]$/.test(list.tagName)) return list;
  }
  return undefined;
}

/** Text of each element that holds text directly, in document order (the "lines" a reader sees). */
export function textLines(root: Element, limit = 40): string[] {
  const lines: string[] = [];
  for (const element of queryAll(root, '*', 400)) {
    const own = Array.from(element.childNodes)
      .filter((node) => node.nodeType === 3)
      .map((node) => node.textContent ?? '')
      .join(' ')
      .trim();
    if (own) lines.push(textOf(element));
    if (lines.length >= limit) break;
  }
  return lines;
}

export interface TimelineSelectors {
  /** One element per role. */
  item: string;
  organization: string;
  title: string;
}

export function readTimeline(section: Element, selectors: TimelineSelectors, limit = 200): ExperienceSignal[] {
  return queryAll(section, selectors.item, limit).flatMap((item) => {
    const organization = textOf(item.querySelector(selectors.organization), 300);
    if (!organization) return [];
    const title = textOf(item.querySelector(selectors.title), 300);
    const range = textLines(item).map(parseDateRange).find((r) => r !== undefined);
    return [
      {
        organization,
        ...(title && title !== organization ? { title } : {}),
        ...(range?.from ? { from: range.from } : {}),
        ...(range && range.to !== undefined ? { to: range.to } : {}),
      },
    ];
  });
}
