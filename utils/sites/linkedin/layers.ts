import type { Rejection } from './name-guard';

// What each reading layer found on a page that gave nobody, for the diagnostic the options page
// shows: the page kind, which layers found nothing, and — when links were there — why every name was
// refused. Counts and reasons only: no page text, no names, and nothing leaves the browser.

export interface LayerReport {
  /** Records in structured data (Voyager islands, JSON-LD, profile:* meta). */
  structured: number;
  /** Elements found by semantic anchors (headings, landmarks, list items, known cards). */
  anchors: number;
  /** Links to member profiles (absent where the reader does not look for them). */
  memberLinks?: number;
  /** Names the guard refused, by reason. */
  rejected: Partial<Record<Rejection, number>>;
}

const LAYER_NAMES: Array<[keyof Omit<LayerReport, 'rejected'>, string]> = [
  ['structured', 'structured data'],
  ['anchors', 'page anchors'],
  ['memberLinks', 'member links'],
];

/**
 * "search results; nothing found by structured data; every name refused by the name guard (placeholder,
 * presence)". Stable for the same failure on the same kind of page (the options page counts rows by
 * it); the counts travel in the diagnostic's `layers`.
 */
export function missingPeople(what: string, layers: LayerReport): string {
  const empty = LAYER_NAMES.filter(([key]) => layers[key] === 0).map(([, label]) => label);
  const refused = Object.keys(layers.rejected).sort();
  const parts = [what];
  if (empty.length) parts.push(`nothing found by ${empty.join(', ')}`);
  if (refused.length) parts.push(`every name refused by the name guard (${refused.join(', ')})`);
  return parts.join('; ');
}

/** The shape the page-signal Diagnostic carries (utils/signals/schema.ts). */
export function layerCounts(layers: LayerReport) {
  return {
    structured: layers.structured,
    anchors: layers.anchors,
    ...(layers.memberLinks !== undefined ? { memberLinks: layers.memberLinks } : {}),
    rejected: { ...layers.rejected } as Record<string, number>,
  };
}
