import type { ContentSend } from './send';
import type { PageSettings } from '../messaging/protocol';
import type { Extraction } from '../sites/types';
import type { NameHighlight, PageNames } from './name-highlights';
import type { PageResults } from './page-view';

export interface MatchContext {
  url: URL;
  doc: Document;
  send: ContentSend;
  settings: PageSettings;
  signal: AbortSignal;
  /** Organisation websites: the page's text, for the alumni it names. */
  readNames?(doc: Document): PageNames | null;
}

/**
 * Asks the worker who on the page is an alumnus (one page:match, with an organisation website's text
 * for the names it mentions), and joins the answer to the page: which element each person is, how
 * they appear, where the highlights go. Null when the page run was cancelled meanwhile.
 */
export async function matchExtraction(extraction: Extraction & { ok: true }, context: MatchContext): Promise<PageResults | null> {
  const { url, doc, send, settings, signal } = context;
  const { signals, nameElements, roles } = extraction;
  const names = context.readNames && settings.highlightNames && settings.role !== 'alumni' ? context.readNames(doc) : null;
  const asked = names ? { url: url.href, signals, text: names.text } : { url: url.href, signals };
  const hasSignals = signals.people.length > 0 || signals.organizations.length > 0 || names !== null;
  const match = hasSignals ? await send('page:match', asked) : { people: [], organizations: [] };
  if (signal.aborted) return null;
  const highlights: NameHighlight[] = names?.highlights(match.named ?? []) ?? [];

  const people: PageResults['people'] = match.people
    .filter((person) => person.ref < signals.people.length)
    .map((person) => ({ ...person, role: roles[person.ref] ?? 'listed', element: nameElements[person.ref] ?? null }));
  // Names found in the text join the page's people, once each.
  const known = new Set(people.map((person) => person.alumnus.id));
  for (const { match: named } of highlights) {
    if (known.has(named.alumnus.id)) continue;
    known.add(named.alumnus.id);
    people.push({ ...named, role: 'listed', element: null });
  }
  return {
    url: url.href,
    people,
    organizations: match.organizations,
    highlights: highlights.map((h) => ({ alumnusId: h.match.alumnus.id, ref: h.match.ref, confidence: h.match.confidence, ranges: h.ranges })),
  };
}
