// Bundled into the page by scripts/bench/extraction.ts (a helper, not a benchmark: the runner only runs
// the files directly in scripts/bench/). Times the adapter and the baseline in the page itself.
import { linkedinAdapter } from '../../../utils/sites/linkedin';
import type { PageKind } from '../../../utils/sites/types';

/** The baseline: every member link's text, as a reader that trusts the first link would take it. */
function naiveLinkTexts(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('a[href*="/in/"]'), (link) => (link.textContent ?? '').trim());
}

/** Pages get a coarse clock (0.1 ms): each sample repeats the work until it lasts at least 5 ms. */
const SAMPLE_MS = 5;

function runs(times: number, warmup: number, work: () => unknown): number[] {
  let repeat = 1;
  for (let i = 0; i < warmup; i++) {
    const start = performance.now();
    for (let j = 0; j < repeat; j++) work();
    const took = performance.now() - start;
    if (took < SAMPLE_MS) repeat = Math.min(100_000, Math.ceil((repeat * SAMPLE_MS) / Math.max(took, 0.05)));
  }
  return Array.from({ length: times }, () => {
    const start = performance.now();
    for (let j = 0; j < repeat; j++) work();
    return (performance.now() - start) / repeat;
  });
}

export function measure(href: string, kind: PageKind, times: number, warmup: number) {
  const url = new URL(href);
  let people = 0;
  const ours = runs(times, warmup, () => {
    const result = linkedinAdapter.extract(document, kind, url);
    people = result.ok ? result.signals.people.length : 0;
  });
  let sink = 0;
  const naive = runs(times, warmup, () => (sink += naiveLinkTexts(document).length));
  return { ours, naive, people: sink >= 0 ? people : 0 };
}
