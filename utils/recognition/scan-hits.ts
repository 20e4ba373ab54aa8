import type { ScanHit } from './types';

/** A name the scanner found in page text, with the live slots of the alumni who bear it. */
export interface FoundName {
  start: number;
  end: number;
  slots: number[];
}

/**
 * Longest name wins where names overlap ("山田太郎" over "山田太"); a span several alumni share
 * keeps them all, each alumnus once.
 */
export function longestNames(found: FoundName[], idOf: (slot: number) => string): ScanHit[] {
  const sorted = found.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ScanHit[] = [];
  let coveredUntil = -1;
  let last: FoundName | null = null;
  let spanFrom = 0;
  for (const hit of sorted) {
    const sameSpan = last !== null && last.start === hit.start && last.end === hit.end;
    if (hit.start < coveredUntil && !sameSpan) continue;
    if (!sameSpan) spanFrom = out.length;
    for (const slot of hit.slots) {
      const alumnusId = idOf(slot);
      let seen = false;
      for (let k = spanFrom; k < out.length && !seen; k++) seen = out[k].alumnusId === alumnusId;
      if (!seen) out.push({ start: hit.start, end: hit.end, alumnusId });
    }
    coveredUntil = Math.max(coveredUntil, hit.end);
    last = hit;
  }
  return out;
}
