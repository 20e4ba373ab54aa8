import { pastDeadline } from '../deadline';
import { cleanText, queryAll, textOf } from '../text';
import type { DraftPerson, PersonRole, PersonSignal } from '../types';
import { guardName, isChrome, nameFromLabel, type Rejection } from './name-guard';
import { MENTIONS } from './ui-words';
import { type Line, linesOf } from './lines';
import { canonicalProfileUrl, isLinkedInHost, profileSlug, segment } from './url';

// The generic member-link reader: every link to a member profile (/in/<slug>) in a region, grouped
// into one person per card, with the name the card displays and the nearest subtitle (headline,
// "title at Company"). It knows no class names. Search results, My Network → Connections, a company's
// People tab, "People you may know" and "People also viewed" all come down to this, in the 2026 app,
// the Ember layout and the guest pages alike.
//
// Cards: a list item (role="listitem", <li>, or a caller's card selector) is one person — the member
// it links first. Links inside it to other members ("Amrit Shah and 15 other mutual connections") are
// mentions, not people. Members linked outside any list item get the largest element around their
// link that links no other member (a Connections row, a side-rail entry).

const MAX_LINKS = 3000;
const MAX_ITEMS = 3000;
const MAX_CLIMB = 30;

export interface MemberReadOptions {
  base: URL;
  role: PersonRole;
  /** Canonical profile URLs never read as people here (the profile's subject, the viewer). */
  exclude?: ReadonlySet<string>;
  /** More list-item selectors (a layout's known cards), tried with role="listitem" and <li>. */
  cards?: string[];
  /** Name and headline anchors a layout is known for, tried before the generic reading. */
  nameAnchors?: string[];
  headlineAnchors?: string[];
  /** Only links this accepts are read (a profile's people modules out of the whole page). */
  acceptLink?(link: Element): boolean;
  /** Reads more facts from a card (search results' "Current: … at …"). */
  extra?(card: Element): Partial<PersonSignal>;
  maxPeople?: number;
}

/** What the reader saw, for diagnostics: how far each layer got. */
export interface MemberReport {
  /** Links to member profiles. */
  links: number;
  /** List items that are person cards (role="listitem", <li>, a layout's known cards). */
  items: number;
  /** Distinct members linked (cards). */
  members: number;
  /** Members whose every name candidate the guard rejected, by the first reason. */
  rejected: Partial<Record<Rejection, number>>;
}

interface MemberLink {
  link: Element;
  url: string;
}

/** A link's member profile URL: /in/<slug>, /in/<slug>/ or a locale copy /in/<slug>/en/; not overlays or sub-pages. */
const MEMBER_HREF = /^(?:https?:\/\/([^/?#]+))?\/in\/([^/?#]+)\/?(?:[a-z]{2}\/?)?(?:[?#].*)?$/i;

export function memberUrlOf(href: string | null, base: URL): string | undefined {
  if (!href || href.length > 4096) return undefined;
  // Most links on a list page are member links: a pattern first, a URL object only for the odd one.
  const match = MEMBER_HREF.exec(href.trim());
  if (match) {
    if (match[1] !== undefined ? !isLinkedInHost(match[1].toLowerCase()) : !isLinkedInHost(base.hostname)) return undefined;
    const slug = segment(match[2]);
    return slug ? canonicalProfileUrl(slug) : undefined;
  }
  if (!href.includes('/in/') || !URL.canParse(href, base)) return undefined;
  const url = new URL(href, base);
  if (!isLinkedInHost(url.hostname) || !/^\/in\/[^/]+\/?(?:[a-z]{2}\/?)?$/i.test(url.pathname)) return undefined;
  const slug = profileSlug(url);
  return slug ? canonicalProfileUrl(slug) : undefined;
}

const BLOCKS = 'div, p, section, article, li, ul, ol, header, footer, aside, main, h1, h2, h3, h4, h5, h6';

/**
 * A link that mentions a member inside a sentence about others — "Emma Lund, Johan Berg and 12 other
 * mutual connections", "Hana Mori is a mutual connection" — rather than carrying a card of its own.
 * Only the link's own text or its own short line counts, never the whole card around it.
 */
function isMention(link: Element): boolean {
  const own = textOf(link, 300);
  if (MENTIONS.some((words) => words.test(own))) return true;
  const line = link.parentElement;
  if (!line || line.querySelector(BLOCKS)) return false;
  const text = textOf(line, 400);
  return text.length > own.length && text.length < 300 && MENTIONS.some((words) => words.test(text));
}

function memberLinks(root: Element, options: MemberReadOptions, maxMembers: number): MemberLink[] {
  const out: MemberLink[] = [];
  if (pastDeadline()) return out;
  // A live collection walked up to the bounds: on a 10,000-row page nothing past them is looked at.
  const anchors = root.getElementsByTagName('a');
  const members = new Set<string>();
  for (let i = 0; i < anchors.length && i < MAX_LINKS; i++) {
    const link = anchors[i];
    const url = memberUrlOf(link.getAttribute('href'), options.base);
    if (!url || options.exclude?.has(url) || !(options.acceptLink?.(link) ?? true)) continue;
    if (!members.has(url) && members.size >= maxMembers) break;
    members.add(url);
    out.push({ link, url });
  }
  return out;
}

/** `element.closest(selector)` below `root`, walked by hand: some DOMs make closest() with a selector list slow. */
function closestWithin(element: Element | null, selector: string, root: Element): Element | null {
  for (let node = element, depth = 0; node && depth < MAX_CLIMB * 2; node = node === root ? null : node.parentElement, depth++) {
    // Every list-item selector names <li> or an attribute: an element with neither is skipped unmatched.
    if ((node.tagName === 'LI' || node.attributes.length > 0) && node.matches(selector)) return node;
  }
  return null;
}

/** Each element's one member, or MULTI when it holds links to several: how far a card may grow. */
const MULTI = '\u0000multi';
function markOwners(links: MemberLink[], root: Element): Map<Element, string> {
  const owners = new Map<Element, string>();
  for (const { link, url } of links) {
    let element: Element | null = link;
    for (let depth = 0; element && depth < MAX_CLIMB; depth++, element = element === root ? null : element.parentElement) {
      const owner = owners.get(element);
      if (owner === url || owner === MULTI) break;
      owners.set(element, owner === undefined ? url : MULTI);
    }
  }
  return owners;
}

/**
 * The list items that are person cards, each with its member: an item whose first member link sits
 * in a smaller item is a wrapper (dropped); an item inside a person card is a mention (dropped).
 */
function personItems(root: Element, links: MemberLink[], selector: string): Map<Element, MemberLink> {
  const first = new Map<Element, MemberLink>();
  const nearest = new Map<Element, Element | null>();
  for (const entry of links) {
    let item = closestWithin(entry.link, selector, root);
    nearest.set(entry.link, item);
    while (item && first.size < MAX_ITEMS) {
      if (first.has(item)) break;
      first.set(item, entry);
      item = closestWithin(item.parentElement, selector, root);
    }
  }
  const isCard = (item: Element) => nearest.get(first.get(item)!.link) === item;
  const kept = new Map<Element, MemberLink>();
  for (const [item, entry] of first) {
    if (!isCard(item)) continue;
    let outer = closestWithin(item.parentElement, selector, root);
    let mention = false;
    while (outer && first.has(outer)) {
      if (isCard(outer)) {
        mention = true;
        break;
      }
      outer = closestWithin(outer.parentElement, selector, root);
    }
    if (!mention) kept.set(item, entry);
  }
  return kept;
}

/** The largest element around `link` that links no member but `url`. */
function cardAround(link: Element, url: string, root: Element, owners: Map<Element, string>): Element {
  let card = link;
  for (let depth = 0; depth < MAX_CLIMB && card !== root; depth++) {
    const parent = card.parentElement;
    if (!parent || owners.get(parent) !== url) break;
    card = parent;
  }
  return card;
}

interface Named {
  name: string;
  element: Element;
}

/** The name a card shows for its member: named anchors, then the member's links' own text, then labels. */
function nameOf(card: Element, lines: Line[], memberLinks: Element[], options: MemberReadOptions, rejected: Rejection[]): Named | undefined {
  const own = memberLinks.filter((link) => card.contains(link)).slice(0, 10);
  const tryText = (text: string | null | undefined, element: Element): Named | undefined => {
    const verdict = guardName(text);
    if (verdict.ok) return { name: verdict.name, element };
    if (text && text.trim()) rejected.push(verdict.reason);
    return undefined;
  };
  // A card that shows "LinkedIn Member" is a hidden member: no label elsewhere in it may name them.
  const hidden = () => rejected.includes('placeholder');
  if (options.nameAnchors?.length) {
    const anchored = card.querySelector(options.nameAnchors.join(', '));
    const found = anchored ? tryText(textOf(anchored, 300), anchored) : undefined;
    if (found || hidden()) return found;
  }
  for (const link of own) {
    const visible = link.querySelector('span[aria-hidden="true"]');
    const first = lines.find((line) => line.element === link || link.contains(line.element));
    const found = (visible && tryText(textOf(visible, 300), visible)) || tryText(first?.text, first?.element ?? link);
    if (found || hidden()) return found;
  }
  // Labels: "Invite NAME to connect", "NAME’s profile picture", an avatar's alt text, a link's aria-label.
  const anchor = own.find((link) => textOf(link, 50) !== '') ?? own[0] ?? card;
  const labelled = [...own, ...queryAll(card, '[aria-label], img[alt]', 40)];
  for (const element of labelled) {
    const label = element.getAttribute('aria-label') ?? element.getAttribute('alt');
    const name = nameFromLabel(label);
    if (name) return { name, element: anchor };
  }
  // An avatar whose alt is the bare name (Ember search results: <img alt="Aarav Menon">).
  for (const image of own.flatMap((link) => queryAll(link, 'img[alt]', 3))) {
    const found = tryText(image.getAttribute('alt'), anchor);
    if (found) return found;
  }
  return undefined;
}

/** The first line after the name that is not the name again, UI chrome or another member's link. */
function headlineOf(card: Element, lines: Line[], named: Named, member: string, options: MemberReadOptions): string | undefined {
  if (options.headlineAnchors?.length) {
    const text = textOf(card.querySelector(options.headlineAnchors.join(', ')), 1000);
    if (text && text !== named.name) return text;
  }
  const start = lines.findIndex((line) => line.element === named.element || line.element.contains(named.element) || named.element.contains(line.element));
  const nameKey = named.name.toLowerCase();
  for (const line of lines.slice(start + 1)) {
    const text = line.text;
    const lower = text.toLowerCase();
    if (lower === nameKey || lower.startsWith(`${nameKey} `) || isChrome(text) || !/\p{L}/u.test(text)) continue;
    if (lower.includes(nameKey) && text.length < nameKey.length + 40) continue;
    const link = line.element.closest('a[href]');
    const linked = link && card.contains(link) ? memberUrlOf(link.getAttribute('href'), options.base) : undefined;
    if (linked && linked !== member) continue;
    return cleanText(text);
  }
  return undefined;
}

/**
 * Reads the people linked in `root`. Bounded: at most 5,000 links and `maxPeople` people, and it stops
 * with what it has when the extraction's time bound passes.
 */
export function readMembers(root: Element, options: MemberReadOptions): { people: DraftPerson[]; report: MemberReport } {
  const maxPeople = options.maxPeople ?? 500;
  // Some members may show no usable name (hidden members, presence text only): read a few more than asked.
  const links = memberLinks(root, options, maxPeople + 100);
  const report: MemberReport = { links: links.length, items: 0, members: 0, rejected: {} };
  if (!links.length) return { people: [], report };
  const selector = ['[role="listitem"]', 'li', ...(options.cards ?? [])].join(', ');
  const items = personItems(root, links, selector);
  report.items = items.size;
  const inItem = (link: Element) => {
    for (let node = closestWithin(link, selector, root); node; node = closestWithin(node.parentElement, selector, root)) if (items.has(node)) return true;
    return false;
  };
  const itemOf = new Map<Element, Element>();
  for (const [item, entry] of items) itemOf.set(entry.link, item);
  // Outside list items, a link in a sentence about others ("… and 12 other mutual connections") is
  // no card of its own and must not stop the card around it from growing (inside items it is a
  // mention already: personItems).
  const outside = new Set(links.filter((entry) => !itemOf.has(entry.link) && !inItem(entry.link)).map((entry) => entry.link));
  const mentions = new Set([...outside].filter(isMention));
  const owners = markOwners(
    links.filter((entry) => !mentions.has(entry.link)),
    root,
  );

  // One card per member, in page order: its list item, or the largest element around its first link.
  const cards: Array<{ card: Element; member: string }> = [];
  const seen = new Set<string>();
  const byMember = new Map<string, Element[]>();
  for (const entry of links) {
    const list = byMember.get(entry.url);
    if (list) list.push(entry.link);
    else byMember.set(entry.url, [entry.link]);
  }
  for (const [index, entry] of links.entries()) {
    if ((index % 200 === 199 && pastDeadline()) || seen.size >= maxPeople * 2) break;
    const item = itemOf.get(entry.link);
    if (item) {
      if (!seen.has(entry.url)) cards.push({ card: item, member: entry.url });
      seen.add(entry.url);
      continue;
    }
    if (seen.has(entry.url) || !outside.has(entry.link) || mentions.has(entry.link)) continue;
    seen.add(entry.url);
    cards.push({ card: cardAround(entry.link, entry.url, root, owners), member: entry.url });
  }
  report.members = cards.length;

  const people: DraftPerson[] = [];
  for (const { card, member } of cards) {
    if (people.length >= maxPeople || pastDeadline()) break;
    const rejected: Rejection[] = [];
    const lines = linesOf(card);
    const named = nameOf(card, lines, byMember.get(member) ?? [], options, rejected);
    if (!named) {
      // A hidden member's card often shows presence text first and "LinkedIn Member" where the name goes.
      const reason = rejected.includes('placeholder') ? 'placeholder' : (rejected.at(-1) ?? 'empty');
      report.rejected[reason] = (report.rejected[reason] ?? 0) + 1;
      continue;
    }
    const headline = headlineOf(card, lines, named, member, options);
    people.push({
      signal: { name: named.name, ...(headline ? { headline } : {}), profileUrl: member, ...options.extra?.(card) },
      element: named.element,
      role: options.role,
    });
  }
  return { people, report };
}
