import type { DraftPerson, PersonRole, PersonSignal } from '../types';
import { cleanText, firstText, textOf } from '../text';
import { textLines } from '../timeline';
import { ENTITY, ownLines } from './experience';
import { alternatives, LI } from './selectors';
import { profileUrlOf } from './url';

// One person in a LinkedIn list (People tab, search results, "Employees at", "People also viewed").
// Cards are found by what they link to (a /in/<slug> profile), then read with the anchors each layout
// uses — the design-system's BEM names (artdeco-entity-lockup__title, entity-result__title-text,
// base-main-card__title) are stable product names; the hashed classes beside them are never used.

/** Out-of-network placeholders: not a person we can recognise. */
const HIDDEN_MEMBER = /^(linkedin member|linkedin メンバー|linkedin-mitglied|membre de linkedin)$/i;

// Named anchors first; a bare heading (guest cards: <h3> name, <h4> headline) before the last BEM name.
const [searchName, lockupName, mainCardName] = alternatives(LI.cardNames);
const NAME_SELECTORS = [searchName, lockupName, 'h3', mainCardName];
const [searchHeadline, lockupHeadline, mainCardHeadline, asideHeadline] = alternatives(LI.cardHeadlines);
const HEADLINE_SELECTORS = [searchHeadline, lockupHeadline, 'h4', mainCardHeadline, asideHeadline];

/** "View Sofia’s profile", "Sofia profile picture", "Sofiaさんのプロフィールを表示" → the name part. */
function stripLinkWords(text: string): string {
  return text
    .replace(/^view\s+/i, '')
    .replace(/[’']s\s+profile$/i, '')
    .replace(/\s+profile picture$/i, '')
    .replace(/さんのプロフィール.*$/, '')
    .trim();
}

/**
 * Search results explain why they matched: "Current: Site Reliability Engineer at Audiense",
 * "Past: Account Manager at Audiense". A past employer is evidence for the recogniser even without dates.
 */
function summaryOf(card: Element): Pick<PersonSignal, 'currentOrganization' | 'experience'> {
  const text = textOf(card.querySelector(LI.searchSummary.css));
  const match = /^(Current|Past|現在|過去)\s*[:：]\s*(.+?)\s+(?:at|@)\s+(.+)$/i.exec(text);
  if (!match) return {};
  const [, when, title, organization] = match;
  return /^(current|現在)$/i.test(when)
    ? { currentOrganization: organization, experience: [{ organization, title, to: null }] }
    : { experience: [{ organization, title }] };
}

/** Lines that are chrome, not a name or headline: degree badges, screen-reader link text, buttons. */
const NOISE = /^[·•]|degree connection|度のつながり|^view\s.+profile$|^(connect|follow|message|pending|つながりを申請|フォロー|メッセージ)$|^\d(st|nd|rd|th)\+?$/i;

/**
 * A card's text lines when no named anchor is left (2025 search results carry hashed classes only):
 * the logged-in entity's own lines, or every text line minus the chrome.
 */
function cardLines(card: Element): string[] {
  if (card.matches(ENTITY)) return ownLines(card);
  return textLines(card).filter((line) => !NOISE.test(line));
}

export function readCard(card: Element, base: URL, role: PersonRole): DraftPerson | undefined {
  const links = Array.from(card.querySelectorAll('a[href]')).slice(0, 30);
  const link = links.find((a) => profileUrlOf(a.getAttribute('href'), base));
  if (!link) return undefined;
  const profileUrl = profileUrlOf(link.getAttribute('href'), base);

  const anchored = firstText(card, NAME_SELECTORS);
  const lines = anchored && !card.matches(ENTITY) ? [] : cardLines(card);
  const named =
    anchored ??
    (lines[0] ? { text: lines[0], element: link.querySelector('span[aria-hidden="true"]') ?? card.querySelector('span[aria-hidden="true"]') ?? link } : undefined);
  const name = cleanText(stripLinkWords(named?.text ?? cleanText(card.querySelector('img[alt]')?.getAttribute('alt'))));
  if (!name || HIDDEN_MEMBER.test(name)) return undefined;

  // Without a headline anchor, the first line after the name that is not chrome.
  const headline = firstText(card, HEADLINE_SELECTORS)?.text ?? lines.slice(1).find((line) => !NOISE.test(line) && line !== name);
  const summary = summaryOf(card);
  return {
    signal: { name, ...(headline && headline !== name ? { headline } : {}), ...(profileUrl ? { profileUrl } : {}), ...summary },
    element: named?.element ?? link,
    role,
  };
}

/** Read every card, dropping duplicates (a card often links the same profile from photo and name). */
export function readCards(cards: Element[], base: URL, role: PersonRole): DraftPerson[] {
  const seen = new Set<string>();
  const out: DraftPerson[] = [];
  for (const card of cards) {
    const person = readCard(card, base, role);
    const key = person?.signal.profileUrl ?? person?.signal.name;
    if (!person || !key || seen.has(key)) continue;
    seen.add(key);
    out.push(person);
  }
  return out;
}

