/**
 * Recognition benchmark (issue 3): run by `npm run bench`, or alone with
 * `node --expose-gc --import tsx scripts/bench/recognition.ts`.
 * Builds the synthetic 100,000-alumni directory (gen:directory --seed 1) and measures the
 * recognition index against the baseline a developer would reach for first, Fuse.js, on the
 * same inputs: build time and heap, serialised size and load time, single-person match p50/p99,
 * a 25-person search-results page, scanning 1 MB of page text, and precision on the eval set.
 */
import Fuse from 'fuse.js';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Alumnus } from '../../utils/api';
import { buildIndex, loadIndex, type CompanyNames, type RecognitionIndex } from '../../utils/recognition';
import type { PersonSignal } from '../../utils/signals/schema';
import { allCases } from '../../tests/recognition/cases';
import { loadEvalDirectory, score, SAKURA_DIGITAL } from '../../tests/recognition/evaluate';
import { generateDirectory, seededRandom } from '../data/synthetic-directory';

const DIRECTORY_SIZE = 100_000;
const QUERIES = 2_000;
const FUSE_QUERIES = 12;
const PAGES = 200;
const SCAN_BYTES = 1_000_000;
const COMPANY: CompanyNames = SAKURA_DIGITAL;
const FUSE_KEYS = ['names.display', 'names.kana', 'names.latin', 'names.former'];
const FUSE_THRESHOLD = 0.3;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

/** Typed arrays live outside the JS heap; count them too. */
const offHeapMb = () => process.memoryUsage().arrayBuffers / 1e6;

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

const median = (values: number[]) => percentile(values, 50);

// ——— inputs shared by both contestants ———

const OUTSIDER_SYLLABLES = ['zor', 'qua', 'vel', 'brix', 'thal', 'wyn', 'ock', 'dra', 'feld', 'gwi', 'lox', 'rhu'];

/** A realistic mix: alumni as pages write them (with evidence), profile URLs, typos, and strangers. */
function querySignals(alumni: Alumnus[], count: number, seed: number): PersonSignal[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const out: PersonSignal[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random();
    const a = pick(alumni);
    const names = [a.names.display, a.names.kana, a.names.latin, a.names.latin?.split(' ').reverse().join(' ')].filter((n): n is string => !!n);
    const [tenure] = a.tenure;
    if (roll < 0.4) out.push({ name: pick(names), experience: [{ organization: pick(['Sakura Digital', '株式会社さくらデジタル', 'Sakura Soft']), from: tenure.from, to: tenure.to }] });
    else if (roll < 0.5 && a.profileUrls?.length) out.push({ name: a.names.latin ?? a.names.display, profileUrl: a.profileUrls[0] });
    else if (roll < 0.6) {
      const name = a.names.latin ?? a.names.display;
      const at = 1 + Math.floor(random() * (name.length - 2));
      out.push({ name: name.slice(0, at) + name.slice(at + 1), headline: 'ex-Sakura Digital' });
    } else {
      const word = () => Array.from({ length: 2 }, () => pick(OUTSIDER_SYLLABLES)).join('');
      const capital = (w: string) => w[0].toUpperCase() + w.slice(1);
      out.push({ name: `${capital(word())} ${capital(word())}`, headline: 'Engineer at Example', experience: [{ organization: 'Example Corp', from: '2015-01', to: null }] });
    }
  }
  return out;
}

/** 25 people as a search-results page shows them: name, headline, profile link. */
function searchPages(alumni: Alumnus[], pages: number): PersonSignal[][] {
  const signals = querySignals(alumni, pages * 25, 99);
  return Array.from({ length: pages }, (_, p) => signals.slice(p * 25, p * 25 + 25).map((s) => ({ name: s.name, headline: s.headline ?? 'Software Engineer', profileUrl: s.profileUrl })));
}

/** About 1 MB of English and Japanese prose with directory names sprinkled through it. */
function pageText(alumni: Alumnus[]): string {
  const random = seededRandom(7);
  const prose = [
    'Our partners met in Tokyo to review the quarterly roadmap and agreed on the next milestones for the platform. ',
    '本日の会議には多くの関係者が参加し、来期の計画と採用方針について活発な議論が行われました。 ',
    'The speakers shared lessons from scaling engineering teams across Europe and Asia, with questions from the audience. ',
    '新しいサービスは来月から提供を開始し、お客様の声をもとに継続的に改善していく予定です。 ',
  ];
  const parts: string[] = [];
  let length = 0;
  while (length < SCAN_BYTES) {
    const chunk = prose[Math.floor(random() * prose.length)];
    parts.push(chunk);
    length += chunk.length;
    if (random() < 0.25) {
      const a = alumni[Math.floor(random() * alumni.length)];
      const name = [a.names.display, a.names.kana ?? a.names.display, a.names.latin ?? a.names.display][Math.floor(random() * 3)];
      parts.push(`${name}、`);
      length += name.length + 1;
    }
  }
  return parts.join('').slice(0, SCAN_BYTES);
}

// ——— measurements ———

interface Row {
  measure: string;
  ours: string;
  fuse: string;
  ratio: string;
  target: string;
  ok: boolean | null;
}

const ms = (value: number) => (value >= 3_600_000 ? `${(value / 3_600_000).toFixed(1)} h` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 1 ? `${value.toFixed(1)} ms` : `${(value * 1000).toFixed(0)} µs`);
const mb = (value: number) => `${value.toFixed(1)} MB`;
const ratio = (fuse: number, ours: number) => (ours > 0 ? `${(fuse / ours).toFixed(fuse / ours >= 100 ? 0 : 1)}×` : '—');
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Fuse.js on the same directory and queries; in its own scope so none of it outlives the measurement. */
function measureFuse(directory: Alumnus[], queries: PersonSignal[]) {
  log('building the Fuse.js index…');
  const heapBefore = heapMb();
  const [fuseIndex, buildMs] = time(() => Fuse.createIndex(FUSE_KEYS, directory));
  const heap = heapMb() - heapBefore;
  const serialized = JSON.stringify(fuseIndex.toJSON());
  const loadMs = median(Array.from({ length: 3 }, () => time(() => Fuse.parseIndex(JSON.parse(serialized)))[1]));
  const fuse = new Fuse(directory, { keys: FUSE_KEYS, includeScore: true, threshold: FUSE_THRESHOLD, ignoreLocation: true }, fuseIndex);
  log(`matching ${FUSE_QUERIES} people with Fuse.js…`);
  const times = queries.slice(0, FUSE_QUERIES).map((q) => time(() => fuse.search(q.name, { limit: 1 }))[1]);
  return { buildMs, heap, size: serialized.length, loadMs, p50: median(times), p99: percentile(times, 99) };
}

function evalPrecision(): { ours: ReturnType<typeof score>; fuse: ReturnType<typeof score> } {
  const { alumni, organizations } = loadEvalDirectory();
  const cases = allCases(alumni);
  const index = buildIndex(alumni, organizations);
  const ours = score(cases, (c) => index.matchPerson(c.signal as never, c.company ?? COMPANY));
  // Fuse has no notion of evidence: a developer would badge its best hit under the threshold.
  const recognised = alumni.filter((a) => a.consent.recognition);
  const fuse = new Fuse(recognised, { keys: FUSE_KEYS, includeScore: true, threshold: FUSE_THRESHOLD, ignoreLocation: true });
  const fuseScores = score(cases, (c) => {
    const name = (c.signal as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || !name.trim()) return null;
    const [hit] = fuse.search(name.slice(0, 300), { limit: 1 });
    return hit ? { alumnusId: hit.item.id, confidence: 'likely', evidence: [] } : null;
  });
  return { ours, fuse: fuseScores };
}

export async function benchRecognition(): Promise<Row[]> {
  const rows: Row[] = [];
  log(`generating ${DIRECTORY_SIZE.toLocaleString('en')} synthetic alumni (seed 1)…`);
  let directory: Alumnus[] | null = generateDirectory(DIRECTORY_SIZE, 1);
  const queries = querySignals(directory, QUERIES, 42);
  const pages = searchPages(directory, PAGES);
  const text = pageText(directory);

  // Build: time, and the heap the index adds on top of the directory records.
  const heapBefore = heapMb();
  log('building the recognition index…');
  let [built, buildMs]: [RecognitionIndex | null, number] = time(() => buildIndex(directory!, []));
  const builtHeap = heapMb() - heapBefore;
  let [serialized, serializeMs]: [string | null, number] = time(() => built!.serialize());
  built = null;

  const fuseRun = measureFuse(directory, queries);
  directory = null; // from here on only the serialised string stands for the directory, as in a woken worker

  rows.push({ measure: 'index build, 100k alumni', ours: ms(buildMs), fuse: ms(fuseRun.buildMs), ratio: ratio(fuseRun.buildMs, buildMs), target: '(report)', ok: null });
  rows.push({ measure: 'heap added by the built index', ours: mb(builtHeap), fuse: mb(fuseRun.heap), ratio: ratio(fuseRun.heap, builtHeap), target: '(report)', ok: null });
  rows.push({ measure: `serialised index size (serialize took ${ms(serializeMs)})`, ours: mb(serialized.length / 1e6), fuse: mb(fuseRun.size / 1e6), ratio: ratio(fuseRun.size, serialized.length), target: '(report)', ok: null });

  // Load, as a woken service worker does: the directory records are gone, only the string is there.
  log('loading the serialised index…');
  const heapBeforeLoad = heapMb() + offHeapMb();
  const loads: number[] = [];
  let index: RecognitionIndex | null = null;
  for (let i = 0; i < 5; i++) {
    index = null;
    gc();
    const [loaded, loadMs] = time(() => loadIndex(serialized!));
    index = loaded;
    loads.push(loadMs);
  }
  const loadMs = median(loads);
  const loadedHeap = heapMb() + offHeapMb() - heapBeforeLoad;
  rows.push({ measure: 'index load from its serialised form (median of 5)', ours: ms(loadMs), fuse: `${ms(fuseRun.loadMs)} + new Fuse()`, ratio: ratio(fuseRun.loadMs, loadMs), target: '< 200 ms', ok: loadMs < 200 });
  rows.push({ measure: 'heap added by loading it', ours: mb(loadedHeap), fuse: '', ratio: '', target: '(report)', ok: null });

  // First match straight after load (what the first page after a wake-up waits for).
  const [, firstMatchMs] = time(() => index!.matchPerson(queries[0], COMPANY));

  log(`matching ${QUERIES.toLocaleString('en')} people…`);
  for (const q of queries.slice(0, 200)) index!.matchPerson(q, COMPANY);
  const matchTimes: number[] = [];
  const matchCpu: number[] = [];
  for (const q of queries) {
    const cpu = process.cpuUsage();
    matchTimes.push(time(() => index!.matchPerson(q, COMPANY))[1]);
    const used = process.cpuUsage(cpu);
    matchCpu.push((used.user + used.system) / 1000);
  }
  const found = queries.filter((q) => index!.matchPerson(q, COMPANY)).length;
  const p50 = median(matchTimes);
  const p99 = percentile(matchTimes, 99);
  rows.push({ measure: 'first match right after load', ours: ms(firstMatchMs), fuse: '—', ratio: '', target: '(report)', ok: null });
  rows.push({ measure: `single-person match p50 (${QUERIES} mixed; Fuse ${FUSE_QUERIES})`, ours: ms(p50), fuse: ms(fuseRun.p50), ratio: ratio(fuseRun.p50, p50), target: '(report)', ok: null });
  rows.push({ measure: 'single-person match p99 (wall clock)', ours: ms(p99), fuse: ms(fuseRun.p99), ratio: ratio(fuseRun.p99, p99), target: '< 1 ms', ok: p99 < 1 });
  rows.push({ measure: 'single-person match p99 (CPU time, 1 µs resolution)', ours: ms(percentile(matchCpu, 99)), fuse: '', ratio: '', target: '(report)', ok: null });

  log(`matching ${PAGES} pages of 25 people, person by person and as whole pages…`);
  const pageTimes = pages.map((people) => time(() => people.map((p) => index!.matchPerson(p, COMPANY)))[1]);
  const fusePageEstimate = 25 * fuseRun.p50;
  rows.push({ measure: '25-person search page, person by person (median of 200)', ours: ms(median(pageTimes)), fuse: `~${ms(fusePageEstimate)} (25 × p50)`, ratio: ratio(fusePageEstimate, median(pageTimes)), target: '(report)', ok: null });
  // What the worker does for a page (matchPage): a People tab, so page context and consistency are both weighed.
  const peopleTab = (people: PersonSignal[]) => ({ site: 'linkedin', pageKind: 'company-people' as const, people, organizations: [{ name: 'Rakuten', url: 'https://www.linkedin.com/company/rakuten' }] });
  const wholePageTimes = pages.map((people) => time(() => index!.matchPage(peopleTab(people), COMPANY))[1]);
  rows.push({ measure: '25-person People tab as a whole page (matchPage, median of 200)', ours: ms(median(wholePageTimes)), fuse: '', ratio: `${(median(wholePageTimes) / median(pageTimes)).toFixed(2)}× person by person`, target: '(report)', ok: null });

  log('scanning 1 MB of page text…');
  index!.scanText(text.slice(0, 20_000));
  const scanCpu: number[] = [];
  const scans = Array.from({ length: 5 }, () => {
    const cpu = process.cpuUsage();
    const result = time(() => index!.scanText(text));
    const used = process.cpuUsage(cpu);
    scanCpu.push((used.user + used.system) / 1000);
    return result;
  });
  const scanMs = median(scans.map(([, t]) => t));
  // Fuse cannot scan text; the obvious use is a search per two- and three-word window.
  const windows = text.split(/[\s、。,.]+/).filter(Boolean).length * 2;
  const fuseScanEstimate = windows * fuseRun.p50;
  rows.push({ measure: `scan 1 MB of page text (median of 5; ${scans[0][0].length} names)`, ours: ms(scanMs), fuse: `~${ms(fuseScanEstimate)} (windows × p50)`, ratio: ratio(fuseScanEstimate, scanMs), target: '< 50 ms', ok: scanMs < 50 });

  rows.push({ measure: 'scan 1 MB of page text (CPU time, median of 5)', ours: ms(median(scanCpu)), fuse: '', ratio: '', target: '(report)', ok: null });

  serialized = null;
  const steadyHeap = heapMb() + offHeapMb();
  rows.push({ measure: 'heap in use: whole process, loaded index after the runs (JS heap + typed arrays)', ours: mb(steadyHeap), fuse: '', ratio: '', target: '< 150 MB', ok: steadyHeap < 150 });
  log(`${found} of ${QUERIES} query people matched at some level`);

  log('scoring both on the evaluation set…');
  const { ours, fuse: fuseEval } = evalPrecision();
  rows.push({
    measure: `eval set (${ours.cases} cases): precision, confirmed or likely`,
    ours: pct(ours.confirmedOrLikely.precision),
    fuse: `${pct(fuseEval.confirmedOrLikely.precision)} (best hit ≤ ${FUSE_THRESHOLD})`,
    ratio: '',
    target: '≥ 99.5%',
    ok: ours.confirmedOrLikely.precision >= 0.995,
  });
  rows.push({
    measure: 'eval set: recall, confirmed or likely',
    ours: pct(ours.confirmedOrLikely.recall),
    fuse: pct(fuseEval.confirmedOrLikely.recall),
    ratio: '',
    target: '≥ 97%',
    ok: ours.confirmedOrLikely.recall >= 0.97,
  });
  return rows;
}

export function formatRows(rows: Row[]): string {
  const header = ['measure', 'Alumni Lens', 'Fuse.js baseline', 'Fuse / ours', 'target', ''];
  const body = rows.map((r) => [r.measure, r.ours, r.fuse, r.ratio, r.target, r.ok === null ? '' : r.ok ? 'ok' : 'MISSED']);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((cells) => cells[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export default benchRecognition;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchRecognition()
    .then((rows) => {
      console.log(`\nRecognition engine, 100,000 alumni (issue 3) — Node ${process.versions.node}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n${formatRows(rows)}`);
      process.exitCode = rows.some((r) => r.ok === false) ? 1 : 0;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
