/**
 * Extension benchmark (issue 5, "Performance"): run by `npm run bench`, or alone with `npx tsx scripts/bench/extension.ts`.
 *   - content-script size, gzip, per site (production build in .output/chrome-mv3);
 *   - time from document idle (the content script starts) to the sidebar shown on the profile fixture, with a
 *     100,000-alumni directory synced, and the older measure from DOMContentLoaded (which adds Chrome's own
 *     wait before it injects document_idle scripts, up to 200 ms);
 *   - time to the first match after Chrome terminated the service worker.
 * Real parts only: the reference server on PGlite, Debian's Chromium, the built extension.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadavg, tmpdir } from 'node:os';
import type { CDPSession, Page, Protocol } from 'puppeteer-core';
import { startServer } from '../../server';
import { loadSyntheticAlumni, snapshotCompressed, snapshotHolding } from '../../tests/e2e/support/large-directory';
import { ensureExtensionBuilt } from '../../tests/e2e/support/build';
import { type ExtensionBrowser, launchWithExtension } from '../../tests/e2e/support/browser';
import { configureExtension, ExtensionControl, stopWorkerAndStayStopped, type InBrowser } from '../../tests/e2e/support/extension';
import { fixture, startFixtureSite } from '../../tests/e2e/support/fixture-site';
import { extensionDir } from '../../tests/e2e/support/paths';
import { testExtensionOrigins } from '../../tests/e2e/support/extension-origin';
import { BASELINE_GZIP_KB, contentScriptSizes, GOAL_GZIP_KB } from './support/content-script-size';

export interface BenchRow {
  measure: string;
  value: string;
  target: string;
  ok: boolean;
}

/** BENCH_ALUMNI overrides the directory size for a quick trial run; the reported figures use 100,000. */
const DIRECTORY_SIZE = Number(process.env.BENCH_ALUMNI ?? 100_000);
/**
 * BENCH_PART=idle-sidebar times only the warm idle → sidebar loads, skipping the terminated-worker part; with a
 * small BENCH_ALUMNI it answers "did the start-up path get quicker" in a minute instead of the full run.
 */
const IDLE_SIDEBAR_ONLY = process.env.BENCH_PART === 'idle-sidebar';
const PROFILE = 'https://www.linkedin.com/in/sofia-andersson-reyes/';
const RUNS = 9;
const HOST_TAG = 'alumni-lens-ui';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function contentScriptRows(): BenchRow[] {
  return contentScriptSizes(extensionDir).map(({ name, rawBytes, gzipKb }) => {
    const baseline = BASELINE_GZIP_KB[name];
    const beside = baseline ? `, baseline ${baseline.toFixed(1)} KB, ×${(gzipKb / baseline).toFixed(2)}` : '';
    // Issue 11 asks for under 30 KB (it measured 39–44 KB; business matching's UI came after).
    return {
      measure: `content script ${name} (gzip; raw ${(rawBytes / 1024).toFixed(0)} KB)`,
      value: `${gzipKb.toFixed(1)} KB${beside}`,
      target: `< ${GOAL_GZIP_KB} KB`,
      ok: gzipKb < GOAL_GZIP_KB,
    };
  });
}

/** One page load, timed in the bench process from CDP events (one clock for all three marks). */
interface SidebarTiming {
  /** DOMContentLoaded → the sidebar's card drawn: the old measure, which includes Chrome's wait for document idle. */
  fromDcl: number;
  /** The extension's isolated world created (its content script starts: document idle) → the sidebar's card drawn. */
  fromIdle: number;
  /** Document idle → the sidebar's empty host joining the page (the settings round trip); absent when it joined before the bench looked. */
  idleToHost?: number;
}

/**
 * Times page loads from outside the page, so nothing is added to it: Page.domContentEventFired marks
 * DOMContentLoaded; Runtime.executionContextCreated for the extension's isolated world in the main frame
 * marks document idle (Chrome creates that world when it injects the content script); the first node
 * inserted into the sidebar's container, inside its closed shadow root, marks the sidebar shown. The host
 * itself joins the page empty, before the page is matched (utils/content/page-ui.tsx), so its insertion says
 * nothing about the card; DevTools sees into closed roots, and the container's children are asked for as
 * soon as the host is seen, so the card's insertion is reported as it happens. Each event is stamped when
 * it reaches the bench. Every load gets a fresh tab: once a frame has held the extension's world, Chrome
 * (with DevTools attached) recreates that world as each new document starts, which would mark idle far too early.
 */
class SidebarClock {
  /** Loads not timed because the card was drawn before the bench saw into the sidebar (see `time`). */
  static missed = 0;
  private marks: { dcl?: number; idle?: number; host?: number } = {};
  private waiting: { resolve(timing: SidebarTiming): void; reject(error: Error): void } | null = null;
  /** Node ids of the shadow roots of the hosts seen, and of the sidebar's container once known. */
  private shadowRoots = new Set<number>();
  private container: number | null = null;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly mainFrameId: string,
  ) {}

  static async attach(page: Page): Promise<SidebarClock> {
    const cdp = await page.createCDPSession();
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const clock = new SidebarClock(cdp, frameTree.frame.id);
    cdp.on('Page.domContentEventFired', () => clock.onDomContentLoaded());
    cdp.on('Runtime.executionContextCreated', ({ context }) => clock.onContext(context));
    cdp.on('DOM.childNodeInserted', ({ parentNodeId, node }) => clock.onInserted(parentNodeId, node));
    cdp.on('DOM.setChildNodes', ({ parentId, nodes }) => clock.onChildren(parentId, nodes));
    await Promise.all([cdp.send('Page.enable'), cdp.send('DOM.enable'), cdp.send('Runtime.enable')]);
    return clock;
  }

  /**
   * Asks for the document down to <body>'s children as soon as it is parsed (before the content script starts,
   * and without waiting for it), so a host under <body> is seen, now or as it is inserted.
   */
  private onDomContentLoaded() {
    this.marks.dcl = performance.now();
    if (!this.waiting) return;
    this.cdp
      .send('DOM.getDocument', { depth: 3 })
      .then(({ root }) => {
        const body = root.children?.find((n) => n.localName === 'html')?.children?.find((n) => n.localName === 'body');
        for (const node of body?.children ?? []) this.onHost(node);
      })
      .catch((error: Error) => this.fail(error));
  }

  private onContext(context: Protocol.Runtime.ExecutionContextDescription) {
    const aux = context.auxData as { frameId?: string; type?: string } | undefined;
    if (!this.waiting || aux?.type !== 'isolated' || aux.frameId !== this.mainFrameId || !context.origin.startsWith('chrome-extension://')) return;
    this.marks.idle = performance.now();
  }

  /** A host seen: ask for its shadow root's children (the style and the container) and the container's. */
  private onHost(node: Protocol.DOM.Node) {
    if (node.localName !== HOST_TAG) return;
    for (const root of node.shadowRoots ?? []) {
      this.shadowRoots.add(root.nodeId);
      this.cdp.send('DOM.requestChildNodes', { nodeId: root.nodeId, depth: 2 }).catch((error: Error) => this.fail(error));
    }
  }

  private onChildren(parentId: number, nodes: Protocol.DOM.Node[]) {
    if (!this.shadowRoots.has(parentId)) return;
    const container = nodes.find((n) => n.attributes?.includes('data-variant') && n.attributes[n.attributes.indexOf('data-variant') + 1] === 'sidebar');
    if (!container) return;
    // Drawn before the bench could look: this load cannot be timed.
    if ((container.childNodeCount ?? container.children?.length ?? 0) > 0) return this.fail(new MissedInsertion());
    this.container = container.nodeId;
  }

  private onInserted(parentNodeId: number, node: Protocol.DOM.Node) {
    if (node.localName === HOST_TAG) {
      // The first host in: the sidebar's (the marker layer's follows it).
      this.marks.host ??= performance.now();
      return this.onHost(node);
    }
    const { dcl, idle } = this.marks;
    if (!this.waiting || parentNodeId !== this.container || dcl === undefined || idle === undefined) return;
    const at = performance.now();
    const { host } = this.marks;
    this.waiting.resolve({ fromDcl: at - dcl, fromIdle: at - idle, ...(host !== undefined && { idleToHost: host - idle }) });
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
    // It may fail while the page is still loading: handled when awaited below, not an unhandled rejection meanwhile.
    shown.catch(() => undefined);
    try {
      await page.goto(url, { waitUntil: 'load' });
      return await shown;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Opens `url` in a new tab (after `before`, when given), times its sidebar, and closes the tab. A load
   * whose card was drawn before the bench could see into the sidebar is loaded again and counted in `missed`:
   * those are the quickest loads, so leaving them out can only make the median slower.
   */
  static async time(extension: ExtensionBrowser, url: string, before?: () => Promise<void>): Promise<SidebarTiming> {
    for (let attempt = 1; ; attempt++) {
      const page = await extension.newPage();
      try {
        const clock = await SidebarClock.attach(page);
        await before?.();
        return await clock.load(page, url);
      } catch (error) {
        if (!(error instanceof MissedInsertion) || attempt === 8) throw error;
        SidebarClock.missed++;
        console.error(`bench: ${error.message}; loading again`);
      } finally {
        await page.close();
      }
    }
  }
}

/** The sidebar's card was already drawn when the bench first read the sidebar: its insertion went unseen. */
class MissedInsertion extends Error {
  constructor() {
    super("the sidebar's card was drawn before the bench read the sidebar");
  }
}

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ');
}

export async function benchExtension(log: (line: string) => void = (line) => console.error(line)): Promise<BenchRow[]> {
  ensureExtensionBuilt(log);
  const rows = contentScriptRows();

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
    // The pages are timed on a quiet backend: its brotli thread would compete with Chromium for the CPU.
    const compressStart = Date.now();
    await snapshotCompressed(server.url, 'demo-recruiter-token');
    log(`bench: waited ${((Date.now() - compressStart) / 1000).toFixed(1)} s more for the backend's brotli compression`);
    rows.push({ measure: `first sync, ${status.directorySize.toLocaleString('en')} alumni`, value: `${syncSeconds.toFixed(1)} s`, target: '(report)', ok: true });

    await SidebarClock.time(extension, PROFILE); // warm-up: worker awake, index loaded
    const loadBefore = loadAverage();
    const warm: SidebarTiming[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await SidebarClock.time(extension, PROFILE));
    const fromDcl = median(warm.map((t) => t.fromDcl));
    const fromIdle = median(warm.map((t) => t.fromIdle));
    rows.push({ measure: 'old measure: DOMContentLoaded → sidebar card drawn, profile (median)', value: `${fromDcl.toFixed(0)} ms`, target: '(report)', ok: true });
    rows.push({ measure: 'document idle (content script starts) → sidebar card drawn, profile (median)', value: `${fromIdle.toFixed(0)} ms`, target: '< 100 ms', ok: fromIdle < 100 });
    const toHost = warm.flatMap((t) => (t.idleToHost === undefined ? [] : [t.idleToHost]));
    rows.push({ measure: `  of which: document idle → the sidebar's empty host joins (median of ${toHost.length})`, value: `${median(toHost).toFixed(0)} ms`, target: '(report)', ok: true });
    log(`bench: idle → sidebar runs (ms): ${warm.map((t) => t.fromIdle.toFixed(0)).join(' ')}`);
    if (IDLE_SIDEBAR_ONLY) {
      rows.push({ measure: 'load average 1 / 5 / 15 min (before → after the page loads)', value: `${loadBefore} → ${loadAverage()}`, target: '(report)', ok: true });
      return rows;
    }

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
    rows.push({ measure: 'loads not timed: card drawn before the bench saw into the sidebar (loaded again)', value: String(SidebarClock.missed), target: '(report)', ok: true });
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
