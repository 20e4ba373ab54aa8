import { cleanText } from '../text';
import { ACTIONS, BADGES, BARE_ACTION_LABEL, COUNTS, DEGREES, LINK_WORDS, NAME_LABELS, PLACEHOLDERS, PRESENCE } from './ui-words';

// The name guard: what a reader took for a name must look like one. LinkedIn puts UI text where a
// careless reader looks for names — "Status is offline" in the photo link, "LinkedIn Member" for
// hidden people, "• 3rd+" and "Premium" beside them, "View Priya’s profile" for screen readers —
// and decorates names ("Priya Sharma ⭐I'm Hiring⭐"). Tables in ui-words.ts, logic here.

export type Rejection = 'empty' | 'presence' | 'placeholder' | 'degree' | 'badge' | 'action' | 'link-words' | 'count' | 'not-a-name';

export type NameVerdict = { ok: true; name: string } | { ok: false; reason: Rejection };

const MAX_NAME = 120;
const MAX_WORDS = 10;

/** Emoji and pictographs, with their joiners and variation selectors: decoration, never part of a name. */
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u2600-\u27BF\u2B00-\u2BFF\u{1F000}-\u{1FAFF}]/u;
const PICTOGRAPH_RUN = /(?:[\p{Extended_Pictographic}\p{Regional_Indicator}\u2600-\u27BF\u2B00-\u2BFF\u{1F000}-\u{1FAFF}][\uFE0E\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]*)+/gu;
/** "Name | #OpenToWork", "Name - Hiring": a badge after a separator. */
const SEPARATED = /\s+[|｜•·–—-]\s+/;

function rejection(text: string): Rejection | undefined {
  if (!text) return 'empty';
  if (PLACEHOLDERS.some((re) => re.test(text))) return 'placeholder';
  if (PRESENCE.some((re) => re.test(text))) return 'presence';
  if (DEGREES.some((re) => re.test(text))) return 'degree';
  if (BADGES.some((re) => re.test(text))) return 'badge';
  if (ACTIONS.some((re) => re.test(text))) return 'action';
  if (LINK_WORDS.some((re) => re.test(text))) return 'link-words';
  if (COUNTS.some((re) => re.test(text))) return 'count';
  if (!/\p{L}/u.test(text) || text.length > MAX_NAME || text.split(/\s+/).length > MAX_WORDS) return 'not-a-name';
  return undefined;
}

/** The parts of a decorated name: the text between pictograph runs and separators. */
function parts(text: string): string[] {
  return text
    .split(PICTOGRAPH_RUN)
    .flatMap((part) => part.split(SEPARATED))
    .map((part) => part.replace(/^[\s,:;|()[\]]+|[\s,:;|()[\]]+$/g, '').trim())
    .filter(Boolean);
}

/**
 * Is `raw` a person's name? Decorations are trimmed first ("Priya Sharma ⭐I'm Hiring⭐" → "Priya
 * Sharma", "🚲 Pablo Serrano" → "Pablo Serrano", "Ana Ruiz | #OpenToWork" → "Ana Ruiz"); then the
 * tables decide. The reason for a rejection feeds the adapter's diagnostics.
 */
export function guardName(raw: string | null | undefined): NameVerdict {
  const text = cleanText(raw, 400);
  const whole = rejection(text);
  if (!whole && !PICTOGRAPH.test(text) && !SEPARATED.test(text)) return { ok: true, name: text };
  // A decorated name: the first part that is a name on its own (a badge part is skipped).
  let first: Rejection | undefined = whole;
  for (const part of parts(text)) {
    const reason = rejection(part);
    if (!reason) return { ok: true, name: part };
    first ??= reason;
  }
  return { ok: false, reason: whole ?? first ?? 'not-a-name' };
}

/**
 * The member named by an accessible label or alt text ("Invite NAME to connect", "NAME’s profile
 * picture", "NAMEさんにつながりを申請する"), guarded; undefined when the label names nobody.
 */
export function nameFromLabel(raw: string | null | undefined): string | undefined {
  const label = cleanText(raw, 400);
  if (!label || BARE_ACTION_LABEL.test(label)) return undefined;
  for (const pattern of NAME_LABELS) {
    const match = pattern.exec(label);
    if (!match) continue;
    const verdict = guardName(match[1]);
    return verdict.ok ? verdict.name : undefined;
  }
  return undefined;
}

/** Noise lines in a card (degree, presence, buttons, counts…): never a headline. */
export function isChrome(text: string): boolean {
  const reason = rejection(cleanText(text, 400));
  return reason !== undefined && reason !== 'not-a-name';
}
