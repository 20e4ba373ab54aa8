/**
 * Extension benchmark (issue 5, "Performance"): run by `npm run bench`, or alone with `npx tsx scripts/bench/extension.ts`.
 *   - content-script size, gzip, per site (production build in .output/chrome-mv3);
 *   - time from document idle (the content script starts) to the sidebar shown on the profile fixture, with a
 *     100,000-alumni directory synced, and the older measure from DOMContentLoaded (which adds Chrome's own
 *     wait before it injects document_idle scripts, up to 200 ms);
 *   - time to the first match after Chrome terminated the service worker.
 * Real parts only: the reference server on PGlite, Debian's Chromium, the built extension.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { loadavg, tmpdir } from 'node:os';
import type { CDPSession, Page, Protocol } from 'puppeteer-core';
import { startServer } from '../../server';
import { loadSyntheticAlumni, snapshotHolding } from '../../tests/e2e/support/large-directory';
import { ensureExtensionBuilt } from '../../tests/e2e/support/build';
import { type ExtensionBrowser, launchWithExtension } from '../../tests/e2e/support/browser';
import { configureExtension, ExtensionControl, stopWorkerAndStayStopped, type InBrowser } from '../../tests/e2e/support/extension';
import { fixture, startFixtureSite } from '../../tests/e2e/support/fixture-site';
import { extensionDir } from '../../tests/e2e/support/paths';
import { testExtensionOrigins } from '../../tests/e2e/support/extension-origin';

export interface BenchRow {
  measure: string;
  value: string;
  target: string;
  ok: boolean;
}

/** BENCH_ALUMNI overrides the directory size for a quick trial run; the reported figures use 100,000. */
const DIRECTORY_SIZE = Number(process.env.BENCH_ALUMNI ?? 100_000);
const PROFILE = 'https://www.linkedin.com/in/sofia-andersson-reyes/';
const RUNS = 9;
const HOST_TAG = 'alumni-lens-ui';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function contentScriptSizes(): BenchRow[] {
  const folder = join(extensionDir, 'content-scripts');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const kb = gzipSync(readFileSync(join(folder, file)), { level: 9 }).length / 1024;
      // Issue 11 asks for under 30 KB (it measured 39–44 KB; business matching's UI came after).
      return { measure: `content script ${file.replace(/\.js$/, '')} (gzip)`, value: `${kb.toFixed(1)} KB`, target: '< 30 KB', ok: kb < 30 };
    });
}

/** One page load, timed in the bench process from CDP events (one clock for all three marks). */
interface SidebarTiming {
  /** DOMContentLoaded → sidebar host attached: the old measure, which includes Chrome's wait for document idle. */
  fromDcl: number;
  /** The extension's isolated world created (its content script starts: document idle) → sidebar host attached. */
  fromIdle: number;
}

/**
 * Times page loads from outside the page, so nothing is added to it: Page.domContentEventFired marks
 * DOMContentLoaded; Runtime.executionContextCreated for the extension's isolated world in the main frame
 * marks document idle (Chrome creates that world when it injects the content script); DOM.childNodeInserted
 * for the sidebar's host under <body> marks the sidebar shown (the host is attached with its content
 * already rendered, see utils/content/page-ui.tsx). Each event is stamped when it reaches the bench.
 * Every load gets a fresh tab: once a frame has held the extension's world, Chrome (with DevTools
 * attached) recreates that world as each new document starts, which would mark idle far too early.
 */
class SidebarClock {
  private marks: { dcl?: number; idle?: number } = {};
  private waiting: { resolve(timing: SidebarTiming): void; reject(error: Error): void } | null = null;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly mainFrameId: string,
  ) {}

  static async attach(page: Page): Promise<SidebarClock> {
    const cdp = await page.createCDPSession();
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const clock = new SidebarClock(cdp, frameTree.frame.id);
    cdp.on('Page.domContentEventFired', () => (clock.marks.dcl = performance.now()));
    cdp.on('Runtime.executionContextCreated', ({ context }) => clock.onContext(context));
    cdp.on('DOM.childNodeInserted', ({ node }) => clock.onInserted(node));
    await Promise.all([cdp.send('Page.enable'), cdp.send('DOM.enable'), cdp.send('Runtime.enable')]);
    return clock;
  }

  private onContext(context: Protocol.Runtime.ExecutionContextDescription) {
    const aux = context.auxData as { frameId?: string; type?: string } | undefined;
    if (!this.waiting || aux?.type !== 'isolated' || aux.frameId !== this.mainFrameId || !context.origin.startsWith('chrome-extension://')) return;
    this.marks.idle = performance.now();
    // Ask for the document down to <body>'s children now (the script has only just started, the sidebar
    // needs worker round trips first), so the host's insertion under <body> is reported as it happens.
    this.cdp
      .send('DOM.getDocument', { depth: 3 })
      .then(({ root }) => {
        if (JSON.stringify(root).includes(`"localName":"${HOST_TAG}"`)) this.fail(new MissedInsertion());
      })
      .catch((error: Error) => this.fail(error));
  }

  private onInserted(node: Protocol.DOM.Node) {
    const { dcl, idle } = this.marks;
    if (!this.waiting || node.localName !== HOST_TAG || dcl === undefined || idle === undefined) return;
    const at = performance.now();
    this.waiting.resolve({ fromDcl: at - dcl, fromIdle: at - idle });
    this.waiting = null;
  }

  private fail(error: Error) {
    this.waiting?.reject(error);
    this.waiting = null;
  }

  /** Loads `url` and resolves with the timing of its sidebar. */
  private async load(page: Page, url: string): Promise<SidebarTiming> {
    this.marks = {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const shown = new Promise<SidebarTiming>((resolve, reject) => {
      this.waiting = { resolve, reject };
      timer = setTimeout(() => this.fail(new Error(`no sidebar on ${url} within 20 s`)), 20_000);
    });
    try {
      await page.goto(url, { waitUntil: 'load' });
      return await shown;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Opens `url` in a new tab (after `before`, when given), times its sidebar, and closes the tab. A load
   * whose insertion the bench could not see is loaded again (which can only make the median slower).
   */
  static async time(extension: ExtensionBrowser, url: string, before?: () => Promise<void>): Promise<SidebarTiming> {
    for (let attempt = 1; ; attempt++) {
      const page = await extension.newPage();
      try {
        const clock = await SidebarClock.attach(page);
        await before?.();
        return await clock.load(page, url);
      } catch (error) {
        if (!(error instanceof MissedInsertion) || attempt === 3) throw error;
        console.error(`bench: ${error.message}; loading again`);
      } finally {
        await page.close();
      }
    }
  }
}

/** The sidebar was already attached when the bench first read the document: its insertion went unseen. */
class MissedInsertion extends Error {
  constructor() {
    super('the sidebar was attached before the bench read the document');
  }
}

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ');
}

export async function benchExtension(log: (line: string) => void = (line) => console.error(line)): Promise<BenchRow[]> {
  ensureExtensionBuilt(log);
  const rows = contentScriptSizes();

  log(`bench: starting the server and loading ${DIRECTORY_SIZE.toLocaleString('en')} synthetic alumni…`);
  // A data folder, as deployed: the in-memory database grows its files by copying them, slowly at this size.
  const dataDir = mkdtempSync(join(tmpdir(), 'alumni-lens-bench-'));
  const server = await startServer({ host: '127.0.0.1', port: 0, dataDir, seed: 'demo', extensionOrigins: testExtensionOrigins() });
  const site = await startFixtureSite(['www.linkedin.com'], { [PROFILE]: fixture('linkedin/li-profile-loggedin-2024.html') });
  let extension: ExtensionBrowser | undefined;
  try {
    const directory = await loadSyntheticAlumni(server.db, DIRECTORY_SIZE);
    await snapshotHolding(server.url, 'demo-recruiter-token', directory.filter((alumnus) => alumnus.consent.recognition).length);
    // Launched once the backend is ready: a worker idle through the build would have been stopped by Chromium.
    const browser = await launchWithExtension({ hosts: site.hosts, sitePort: site.port });
    extension = browser;

    const syncStart = Date.now();
    await configureExtension(extension, { apiUrl: server.url, token: 'demo-recruiter-token' });
    const control = await ExtensionControl.open(extension);
    const status = await control.waitForSync(0, 600_000);
    const syncSeconds = (Date.now() - syncStart) / 1000;
    log(`bench: first sync of ${status.directorySize} alumni took ${syncSeconds.toFixed(1)} s`);
    rows.push({ measure: `first sync, ${status.directorySize.toLocaleString('en')} alumni`, value: `${syncSeconds.toFixed(1)} s`, target: '(report)', ok: true });

    await SidebarClock.time(extension, PROFILE); // warm-up: worker awake, index loaded
    const loadBefore = loadAverage();
    const warm: SidebarTiming[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await SidebarClock.time(extension, PROFILE));
    const fromDcl = median(warm.map((t) => t.fromDcl));
    const fromIdle = median(warm.map((t) => t.fromIdle));
    rows.push({ measure: 'old measure: DOMContentLoaded → sidebar shown, profile (median)', value: `${fromDcl.toFixed(0)} ms`, target: '(report)', ok: true });
    rows.push({ measure: 'document idle (content script starts) → sidebar shown, profile (median)', value: `${fromIdle.toFixed(0)} ms`, target: '< 100 ms', ok: fromIdle < 100 });
    log(`bench: idle → sidebar runs (ms): ${warm.map((t) => t.fromIdle.toFixed(0)).join(' ')}`);

    // First match after the worker was terminated: the message wakes it, it loads the persisted index and answers.
    const signals = {
      site: 'linkedin',
      pageKind: 'profile',
      people: [{ name: 'Sofia Andersson Reyes', profileUrl: 'https://www.linkedin.com/in/sofia-andersson-reyes' }],
      organizations: [],
    };
    const wakeTimes: number[] = [];
    const coldSidebar: SidebarTiming[] = [];
    for (let i = 0; i < 5; i++) {
      // Nothing on screen may wake the worker between its termination and the timed message.
      await stopWorkerAndStayStopped(extension);
      wakeTimes.push(
        await control.page.evaluate(async (request) => {
          const started = performance.now();
          const reply = (await (globalThis as unknown as InBrowser).chrome.runtime.sendMessage(request)) as { people?: unknown[] };
          if (!reply?.people?.length) throw new Error(`no match after wake: ${JSON.stringify(reply).slice(0, 300)}`);
          return performance.now() - started;
        }, { type: 'page:match', payload: { url: PROFILE, signals } }),
      );
      coldSidebar.push(await SidebarClock.time(browser, PROFILE, () => stopWorkerAndStayStopped(browser)));
    }
    const wakeMs = median(wakeTimes);
    rows.push({ measure: 'first match after the worker was terminated (median)', value: `${wakeMs.toFixed(0)} ms`, target: '< 300 ms', ok: wakeMs < 300 });
    const coldDcl = median(coldSidebar.map((t) => t.fromDcl));
    const coldIdle = median(coldSidebar.map((t) => t.fromIdle));
    rows.push({ measure: 'old measure: DOMContentLoaded → sidebar, worker terminated before (median)', value: `${coldDcl.toFixed(0)} ms`, target: '(report)', ok: true });
    rows.push({ measure: 'document idle → sidebar, worker terminated before (median)', value: `${coldIdle.toFixed(0)} ms`, target: '(report)', ok: true });
    rows.push({ measure: 'load average 1 / 5 / 15 min (before → after the page loads)', value: `${loadBefore} → ${loadAverage()}`, target: '(report)', ok: true });
    return rows;
  } finally {
    await extension?.dispose();
    await site.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['measure', 'value', 'target', ''];
  const body = rows.map((row) => [row.measure, row.value, row.target, row.target === '(report)' ? '' : row.ok ? 'ok' : 'MISSED']);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export default benchExtension;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchExtension()
    .then((rows) => console.log(`\nExtension (issue 5)\n${formatTable(rows)}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
