import type { Send } from '../messaging/client';
import type { PersonMatch } from '../messaging/protocol';
import { orgWebsiteText } from '../sites/org-website';
import { rangesFor } from '../sites/visible-text';
import type { PersonSignal } from '../signals/schema';

export interface NameHighlight {
  match: PersonMatch;
  ranges: Range[];
}

export interface NameScan {
  /** One person signal per distinct name found; the runtime matches them with the page's own signals. */
  signals: PersonSignal[];
  /** Turns the worker's matches for those signals (refs start at `offset`) into ranges to highlight. */
  highlights(matches: PersonMatch[], offset: number): NameHighlight[];
}

const NO_NAMES: NameScan = { signals: [], highlights: () => [] };

/**
 * Alumni named in an organisation website's visible text. The worker's scanner finds full names;
 * each distinct name then goes through the matcher like any person listed on the page (the matcher
 * counts the site's organisation as where they work, with the website as the source), so a highlight
 * carries a confidence and evidence, and a name the matcher will not vouch for is not highlighted.
 */
export async function scanNames(doc: Document, send: Send, signal: AbortSignal): Promise<NameScan> {
  const visible = orgWebsiteText(doc);
  if (!visible.text.trim()) return NO_NAMES;
  const { hits } = await send('page:scan-text', { text: visible.text });
  if (signal.aborted || hits.length === 0) return NO_NAMES;

  const groups = new Map<string, { name: string; alumnusId: string; spans: Array<[number, number]> }>();
  for (const hit of hits) {
    const name = visible.text.slice(hit.start, hit.end);
    const key = `${hit.alumnusId}\u0000${name}`;
    const group = groups.get(key) ?? { name, alumnusId: hit.alumnusId, spans: [] };
    group.spans.push([hit.start, hit.end]);
    groups.set(key, group);
  }
  const list = [...groups.values()].slice(0, 400);
  return {
    signals: list.map((group) => ({ name: group.name.slice(0, 2000) })),
    highlights(matches, offset) {
      const found: NameHighlight[] = [];
      for (const match of matches) {
        const group = list[match.ref - offset];
        // The matcher must agree with the scanner on who it is.
        if (!group || group.alumnusId !== match.alumnus.id) continue;
        const ranges = group.spans.flatMap(([start, end]) => rangesFor(visible, start, end));
        if (ranges.length) found.push({ match, ranges });
      }
      return found;
    },
  };
}
