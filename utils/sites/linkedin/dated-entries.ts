import type { ExperienceSignal } from '../../signals/schema';
import { parseDateRange } from '../dates';
import { cleanText, queryAll } from '../text';
import { experienceEntry } from './experience';
import { type Line, linesOf } from './lines';

// Experience entries found by what they say, for a layout whose entries carry no key, class or list
// markup we know: every role shows a date range ("Apr 2019 - Present · 5 yrs", "2019年4月～現在"), so
// a role is the largest block around one date line, and several roles at one company are the blocks
// under a header (company, total duration) that comes before them. Only the section's own structure
// counts: no class names, no tag names.

const MAX_ENTRIES = 200;
const MAX_HEADER_LINES = 4;

/** "Mercari · Full-time" → "Mercari"; a line that is only a duration or an employment type is not a company. */
export function organizationFrom(line: string | undefined): string {
  const first = cleanText(line?.split(/\s[·•]\s/)[0]);
  if (!first || parseDateRange(first) || /^\d+\s*(?:yrs?|mos?|years?|months?|年|か月|ヶ月)\b/i.test(first)) return '';
  return first;
}

/** "Mercari logo" / "Mercariのロゴ": the company a logo names. */
export function logoName(entry: Element): string {
  for (const element of queryAll(entry, '[aria-label], img[alt]', 10)) {
    const label = cleanText(element.getAttribute('aria-label') ?? element.getAttribute('alt'));
    const match = /^(.+?)\s*(?:logo|のロゴ|ロゴ)$/i.exec(label);
    if (match) return match[1];
  }
  return '';
}

/**
 * The entries of `region` (an Experience section), in page order. `heading` is the section's title:
 * a group never reaches it.
 */
export function datedEntries(region: Element, heading?: Element): ExperienceSignal[] {
  const lines = linesOf(region, 1000, 10_000);
  const dates = lines.filter((line) => parseDateRange(line.text));
  if (!dates.length) return [];
  // How many date lines each element holds, up to the region.
  const counts = new Map<Element, number>();
  for (const { element } of dates) {
    for (let node: Element | null = element; node && node !== region; node = node.parentElement) counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  const within = (node: Element | null): node is Element => Boolean(node && node !== region && region.contains(node));
  const blockOf = (element: Element) => {
    let block = element;
    while (within(block.parentElement) && counts.get(block.parentElement) === 1 && !block.parentElement.contains(heading ?? null)) block = block.parentElement;
    return block;
  };
  const blocks = dates.map((line) => blockOf(line.element));
  const inBlock = (line: Line) => blocks.some((block) => block.contains(line.element));

  /** The company header above a block's roles: the lines before the first role of its group. */
  const groupOf = (block: Element): { group: Element; header: string[] } | undefined => {
    let group = block.parentElement;
    if (!within(group) || group.contains(heading ?? null)) return undefined;
    while (within(group.parentElement) && counts.get(group.parentElement) === counts.get(group) && !group.parentElement.contains(heading ?? null)) group = group.parentElement;
    const first = blocks.find((other) => group!.contains(other));
    const header = lines
      .filter((line) => group!.contains(line.element) && !inBlock(line) && first && first.compareDocumentPosition(line.element) & 2)
      .map((line) => line.text);
    return header.length && header.length <= MAX_HEADER_LINES ? { group, header } : undefined;
  };

  const out: ExperienceSignal[] = [];
  for (const block of blocks) {
    if (out.length >= MAX_ENTRIES) break;
    const own = lines.filter((line) => block.contains(line.element)).map((line) => line.text);
    const index = own.findIndex((text) => parseDateRange(text));
    const range = parseDateRange(own[index]);
    const group = groupOf(block);
    if (group) {
      const organization = organizationFrom(group.header[0]) || logoName(group.group);
      if (organization) out.push(experienceEntry(organization, index > 0 ? own[0] : undefined, range));
      continue;
    }
    // One role: title, then "Company · type", then the dates.
    const organization = organizationFrom(index >= 2 ? own[1] : undefined) || logoName(block);
    if (organization) out.push(experienceEntry(organization, index > 0 ? own[0] : undefined, range));
  }
  return out;
}
