/**
 * Extraction benchmark (issue 8): run by `npm run bench`, or alone with `npx tsx scripts/bench/extraction.ts`.
 * Times the LinkedIn adapter's `extract` in Debian's Chromium, per page kind and markup generation — the
 * saved pages (the 2026 app's profile, connections and search included), pages constructed in an unseen
 * layout, and a 500-result 2026-app search — against a named baseline on the same page in the same run:
 * "naive link texts", every `a[href*="/in/"]`'s text, which is what a reader that trusts the first link
 * does and the least any reader must do. The ratio says what reading by layers costs over that. The
 * adapter is bundled as the content script bundles it; page scripts are removed (the extension reads
 * the page as LinkedIn's own code left it).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { linkedinAdapter } from '../../utils/sites/linkedin';
import { generate } from '../../tests/sites/generations/index';
import { chromiumPath } from '../../tests/e2e/support/paths';

const RUNS = 15;
const WARMUP = 3;
const fixtures = join(process.cwd(), 'tests', 'fixtures');

interface BenchPage {
  kind: string;
  generation: string;
  label: string;
  url: string;
  html: string;
}

const saved = (kind: string, generation: string, path: string, url: string): BenchPage => ({ kind, generation, label: path.split('/').pop()!, url, html: readFileSync(join(fixtures, path), 'utf8') });
const built = (kind: Parameters<typeof generate>[0], generation: Parameters<typeof generate>[1], seed: number): BenchPage => {
  const page = generate(kind, generation, 'en', seed);
  return { kind, generation, label: `constructed, seed ${seed}`, url: page.url, html: page.html };
};

/** A 2026-app results page of `count` people (the adapter reads at most 500). */
function bigSearch(count: number): BenchPage {
  const row = (i: number) =>
    `<div data-view-name="people-search-result"><div role="listitem"><a href="https://www.linkedin.com/in/member-${i}/"><figure aria-label="Member ${i}"></figure></a><div><p><a data-view-name="search-result-lockup-title" href="https://www.linkedin.com/in/member-${i}/">Member Number${i}</a><span> • 2nd</span></p><p>Engineer ${i} at Company ${i % 50}</p><p>Tokyo, Japan</p></div><button aria-label="Invite Member Number${i} to connect">Connect</button></div></div>`;
  const html = `<!doctype html><html><head><title>Search | LinkedIn</title></head><body><main><div role="main"><div role="list">${Array.from({ length: count }, (_, i) => row(i)).join('')}</div></div></main></body></html>`;
  return { kind: 'search-people', generation: 'app-2026', label: `${count} results, written`, url: 'https://www.linkedin.com/search/results/people/?keywords=engineer', html };
}

const PAGES: BenchPage[] = [
  saved('profile', 'ember-2024', 'linkedin/li-profile-loggedin-2024.html', 'https://www.linkedin.com/in/sofia-andersson-reyes/'),
  saved('profile', 'guest', 'linkedin/li-profile-public-2026.html', 'https://www.linkedin.com/in/arjun-mehta-4f8a21'),
  saved('profile', 'app-2026', 'linkedin-2026/li-profile-newapp-2026.html', 'https://www.linkedin.com/in/md-arif-chowdhury-5c3e71a24/'),
  saved('profile', 'app-2026', 'linkedin-2026/written/li-profile-newapp-experience-2026.html', 'https://www.linkedin.com/in/md-arif-chowdhury-5c3e71a24/'),
  built('profile', 'unseen', 1),
  saved('profile-details', 'ember-2024', 'linkedin/written/li-profile-details-experience-loggedin.html', 'https://www.linkedin.com/in/sofia-andersson-reyes/details/experience/'),
  saved('profile-details', 'app-2026', 'linkedin-2026/written/li-profile-details-newapp-2026.html', 'https://www.linkedin.com/in/md-arif-chowdhury-5c3e71a24/details/experience/'),
  saved('company', 'guest', 'linkedin/li-company-public-2024.html', 'https://uk.linkedin.com/company/audiense'),
  saved('company', 'ember-2024', 'linkedin/written/li-company-overview-loggedin.html', 'https://www.linkedin.com/company/audiense/'),
  built('company', 'unseen', 1),
  saved('company-people', 'ember-2024', 'linkedin/written/li-company-people-loggedin.html', 'https://www.linkedin.com/company/audiense/people/'),
  built('company-people', 'unseen', 1),
  saved('search-people', 'ember-2024', 'linkedin/written/li-search-people-loggedin.html', 'https://www.linkedin.com/search/results/people/?keywords=audiense'),
  saved('search-people', 'ember-2025', 'linkedin-2026/li-search-people-ember-2026.html', 'https://www.linkedin.com/search/results/people/?keywords=accenture'),
  saved('search-people', 'app-2026', 'linkedin-2026/written/li-search-people-newapp-2026.html', 'https://www.linkedin.com/search/results/people/?keywords=audiense'),
  bigSearch(500),
  built('search-people', 'unseen', 1),
  saved('connections', 'app-2026', 'linkedin-2026/li-connections-2026.html', 'https://www.linkedin.com/mynetwork/invite-connect/connections/'),
  built('connections', 'ember-2024', 1),
  built('connections', 'unseen', 1),
];

/** The adapter as one script that defines `globalThis.aluBench` in the page. */
async function bundle(): Promise<string> {
  const entry = join(process.cwd(), 'scripts', 'bench', 'support', 'extraction-entry.ts');
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'aluBench', fileName: 'bench' } },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => ('output' in result ? result.output : []));
  const code = chunks.find((chunk) => chunk.type === 'chunk');
  if (!code || code.type !== 'chunk') throw new Error('no bundle');
  return code.code;
}

/** Page scripts removed, data islands and JSON-LD kept: the DOM the content script reads. */
const withoutScripts = (html: string) => html.replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/gi, '');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

const code = await bundle();
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND'],
});
const rows: string[][] = [];
try {
  const tab = await browser.newPage();
  await tab.setBypassCSP(true);
  // No subresource is fetched: the pages' images, styles and frames would only add noise.
  await tab.setRequestInterception(true);
  tab.on('request', (request) => void (request.isNavigationRequest() ? request.continue() : request.abort()));
  for (const page of PAGES) {
    const kind = linkedinAdapter.detect(new URL(page.url));
    if (kind !== page.kind) throw new Error(`${page.label}: detected ${kind}, expected ${page.kind}`);
    await tab.setContent(withoutScripts(page.html), { waitUntil: 'domcontentloaded' });
    await tab.evaluate(code);
    const timing = await tab.evaluate(
      (url, pageKind, runs, warmup) => (globalThis as unknown as { aluBench: { measure(url: string, kind: string, runs: number, warmup: number): { ours: number[]; naive: number[]; people: number } } }).aluBench.measure(url, pageKind, runs, warmup),
      page.url,
      kind,
      RUNS,
      WARMUP,
    );
    const median = percentile(timing.ours, 50);
    const baseline = percentile(timing.naive, 50);
    rows.push([
      page.kind,
      page.generation,
      page.label,
      `${Math.round(page.html.length / 1024)}`,
      `${timing.people}`,
      median.toFixed(2),
      percentile(timing.ours, 95).toFixed(2),
      baseline.toFixed(3),
      `${(median / Math.max(baseline, 0.001)).toFixed(0)}×`,
    ]);
  }
} finally {
  await browser.close();
}

const header = ['page kind', 'generation', 'page', 'KB', 'people', 'extract p50 ms', 'p95 ms', 'baseline p50 ms', 'ratio'];
const table = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
const version = await (async () => {
  const probe = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
  const v = await probe.version();
  await probe.close();
  return v;
})();
console.log(
  `\nLinkedIn extraction per page kind (issue 8) — ${version}, ${RUNS} runs after ${WARMUP} warm-up each, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\nbaseline: "naive link texts" (every a[href*="/in/"]'s text, same page, same run)\n${table}`,
);
