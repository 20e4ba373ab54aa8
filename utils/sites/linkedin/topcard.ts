import { cleanText, queryAll, textOf } from '../text';
import { linesOf } from './lines';
import { guardName, isChrome } from './name-guard';
import { LI } from './selectors';
import { CURRENT_COMPANY_LABEL, SCHOOL_WORDS } from './ui-words';

// The profile's top card as a person reads it, for layouts without structured data (the 2026 app):
// the subject's name in a heading of any level that agrees with the page <title>, then the headline,
// then the "Company · School" line whose parts are also the card's company and school buttons.
// Proven by linkedin-2026/li-profile-newapp-2026.html, and on pages constructed by meaning in other
// layouts (tests/sites/generations/).

/** Same words regardless of order, spacing, case or decoration: "太郎 山田" and "山田 太郎", "Ross Martin 🚀". */
export function sameName(a: string, b: string): boolean {
  const words = (s: string) => {
    const verdict = guardName(s);
    return verdict.ok ? verdict.name.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean).sort().join(' ') : '';
  };
  const left = words(a);
  return left !== '' && left === words(b);
}

/** The first heading (any level) that names the subject, skipping sign-in dialogs ("Sign in to view Sofia’s full profile"). */
export function subjectHeading(doc: Document, names: string[]): Element | undefined {
  const wanted = names.filter(Boolean);
  if (!wanted.length) return undefined;
  const inDialog = (element: Element) => Boolean(element.closest('[role="dialog"], [aria-modal="true"]'));
  // The subject's heading is near the top of the page: the first 200 headings of the main landmark
  // (the 2026 app wraps <main> in a role="main" screen), else of the page.
  const scope = doc.querySelector('[role="main"]') ?? doc.querySelector('main') ?? doc.body;
  if (!scope) return undefined;
  return queryAll(scope, 'h1, h2, h3, h4, h5, h6', 200).find((heading) => {
    if (inDialog(heading)) return false;
    const text = textOf(heading, 300);
    return wanted.some((name) => sameName(name, text));
  });
}

export interface TopCardFacts {
  headline?: string;
  currentOrganization?: string;
}

/** The region of the top card around the subject's heading. */
export function topCardOf(heading: Element): Element {
  return heading.closest(LI.sduiTopcard.css) ?? heading.closest('section') ?? heading.parentElement ?? heading;
}

/**
 * Headline and current company from the card's lines after the name. The company line is recognised
 * by what it is made of: each of its "·"-separated parts is also a company or school button of the
 * card (or a link to /company/ or /school/); its first part that is not a school is the employer.
 */
export function topCardFacts(card: Element, heading: Element, name: string): TopCardFacts {
  const lines = linesOf(card, 80, 1500);
  const start = lines.findIndex((line) => heading === line.element || heading.contains(line.element));
  const after = lines.slice(start + 1).filter((line) => !heading.contains(line.element));
  const pills = new Set(
    [...queryAll(card, '[role="button"], button, a[href*="/company/"], a[href*="/school/"]', 40)].map((element) => textOf(element, 300)).filter(Boolean),
  );
  const labelled = queryAll(card, '[aria-label]', 60)
    .map((element) => CURRENT_COMPANY_LABEL.exec(cleanText(element.getAttribute('aria-label')))?.[1])
    .find(Boolean);

  let headline: string | undefined;
  let currentOrganization = labelled;
  for (const line of after) {
    const text = line.text;
    if (isChrome(text) || sameName(text, name) || !/\p{L}/u.test(text)) continue;
    const parts = text.split(/\s+[·•]\s+/).map((part) => part.trim()).filter(Boolean);
    const isOrgLine = parts.length > 0 && parts.every((part) => pills.has(part)) && !line.element.closest('[role="button"], a');
    if (isOrgLine) {
      currentOrganization ??= parts.find((part) => !SCHOOL_WORDS.test(part));
      break;
    }
    if (line.element.closest('[role="button"], button, a')) continue;
    headline ??= text;
  }
  return { ...(headline ? { headline } : {}), ...(currentOrganization ? { currentOrganization } : {}) };
}
