import type { Send } from '../messaging/client';
import type { PageSettings } from '../messaging/protocol';
import type { Extraction } from '../sites/types';
import type { NameHighlight, NameScan } from './name-highlights';
import type { PageResults } from './page-ui';

export interface MatchContext {
  url: URL;
  doc: Document;
  send: Send;
  settings: PageSettings;
  signal: AbortSignal;
  scanNames?(doc: Document, send: Send, signal: AbortSignal): Promise<NameScan>;
}

/**
 * Asks the worker who on the page is an alumnus (one page:match, with the names an organisation
 * website mentions added), and joins the answer to the page: which element each person is, how
 * they appear, where the highlights go. Null when the page run was cancelled meanwhile.
 */
export async function matchExtraction(extraction: Extraction & { ok: true }, context: MatchContext): Promise<PageResults | null> {
  const { url, doc, send, settings, signal } = context;
  const { signals, nameElements, roles } = extraction;
  const names =
    context.scanNames && settings.highlightNames && settings.role !== 'alumni'
      ? await context.scanNames(doc, send, signal)
      : null;
  const ownCount = signals.people.length;
  const asked = { ...signals, people: [...signals.people, ...(names?.signals ?? [])].slice(0, 500) };
  const hasSignals = asked.people.length > 0 || asked.organizations.length > 0;
  const match = hasSignals ? await send('page:match', { url: url.href, signals: asked }) : { people: [], organizations: [] };
  if (signal.aborted) return null;
  const highlights: NameHighlight[] = names?.highlights(match.people, ownCount) ?? [];

  const people: PageResults['people'] = match.people
    .filter((person) => person.ref < ownCount)
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
