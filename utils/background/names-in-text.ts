import { MAX_SPANS_PER_NAME, type TextSpan } from '../messaging/protocol';
import type { RecognitionIndex } from '../recognition/types';

/** At most this many distinct names from one page's text go to the matcher. */
const MAX_NAMES = 400;

export interface NameWritten {
  /** As the page writes it (each spelling its own signal: the matcher weighs what the page wrote). */
  name: string;
  /** Who the scanner read it as; the matcher must agree for the name to be highlighted. */
  alumnusId: string;
  spans: TextSpan[];
}

/**
 * Alumni named in an organisation website's visible text: full names the scanner finds, grouped by who and
 * how they are written, in order of first appearance. Each group then goes through the matcher like any
 * person listed on the page, so a highlight carries a confidence and evidence.
 */
export function namesInText(index: RecognitionIndex, text: string): NameWritten[] {
  const groups = new Map<string, NameWritten>();
  for (const hit of index.scanText(text)) {
    const name = text.slice(hit.start, hit.end);
    const key = `${hit.alumnusId}\u0000${name}`;
    const group = groups.get(key) ?? { name, alumnusId: hit.alumnusId, spans: [] };
    if (group.spans.length < MAX_SPANS_PER_NAME) group.spans.push({ start: hit.start, end: hit.end });
    groups.set(key, group);
  }
  return [...groups.values()].slice(0, MAX_NAMES);
}
