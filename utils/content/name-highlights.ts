import type { PageMatchShell, PersonShell } from './match-shell';
import { orgWebsiteText } from '../sites/org-website';
import { rangesFor } from '../sites/visible-text';

export interface NameHighlight {
  match: PersonShell;
  ranges: Range[];
}

export interface PageNames {
  /** The page's visible text, sent with page:match: the worker finds the alumni it names. */
  text: string;
  /** The worker's answer for that text (spans are offsets into `text`) as ranges to highlight. */
  highlights(named: NonNullable<PageMatchShell['named']>): NameHighlight[];
}

/**
 * An organisation website's visible text, read for the worker's name scanner, and the way back from the
 * spans the worker answers to the DOM. The worker scans and matches in the same page:match as the page's
 * own people (the matcher counts the site's organisation as where they work, with the website as the
 * source), so a highlight carries a confidence and evidence. Null for a page without text.
 */
export function readPageNames(doc: Document): PageNames | null {
  const visible = orgWebsiteText(doc);
  if (!visible.text.trim()) return null;
  return {
    text: visible.text,
    highlights: (named) =>
      named.flatMap(({ match, spans }) => {
        // A span past the text sent (a confused worker) covers nothing.
        const ranges = spans.flatMap(({ start, end }) => (end <= visible.text.length ? rangesFor(visible, start, end) : []));
        return ranges.length ? [{ match, ranges }] : [];
      }),
  };
}
