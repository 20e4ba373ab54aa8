import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Send } from '../../components/api-context';
import { sendMessage } from '../messaging/client';
import type { PageSettings } from '../messaging/protocol';
import { createI18n } from '../i18n/context';
import type { Extraction, PageKind, SiteAdapter } from '../sites/types';
import type { PageSignals } from '../signals/schema';
import { createPageRunner } from '../sites/page-run';
import { waitForAnchors } from '../sites/wait-for-anchors';
import { createPageUi, type PageUi } from './page-ui';
import { matchExtraction } from './present';
import { HOST_TAG } from './shadow-host';
import { domSettled, nextDomChange } from './settle';
import type { NameScan } from './name-highlights';

export interface SiteScriptOptions {
  /** The settings key of the site ('linkedin', 'org-website', …). */
  site: string;
  /** Which adapter reads this URL, and as what kind of page; undefined: not a page we read. */
  resolve(url: URL): { adapter: SiteAdapter; kind: PageKind } | undefined;
  /** Organisation websites only: alumni named in the page text. */
  scanNames?(doc: Document, send: Send, signal: AbortSignal): Promise<NameScan>;
  /** Tests pass a stand-in for the worker; the extension uses the typed client. */
  send?: Send;
  doc?: Document;
  anchorTimeoutMs?: number;
  /** After a navigation, how long to wait for the app to replace the previous page's content. */
  redrawTimeoutMs?: number;
}

/** The options for a script that serves one adapter's site: its settings key and its page kinds. */
export function forAdapter(adapter: SiteAdapter): Pick<SiteScriptOptions, 'site' | 'resolve'> {
  return {
    site: adapter.id,
    resolve: (url) => {
      const kind = adapter.detect(url);
      return kind ? { adapter, kind } : undefined;
    },
  };
}

/**
 * What every content script runs: ask whether the site is on, then read each page (and each
 * single-page-app navigation) with one page run, cancelled through its AbortSignal when the user
 * moves on. A site that is off, or a page where nothing is recognised, gets nothing injected.
 */
export async function runSiteScript(ctx: ContentScriptContext, options: SiteScriptOptions): Promise<void> {
  const send = options.send ?? sendMessage;
  const doc = options.doc ?? document;
  // A page this script does not read (LinkedIn's feed, a GitHub repository) costs nothing, not even a
  // message that would wake the worker, until the app navigates to one it does read.
  if (!options.resolve(new URL(doc.location.href)) && !(await readableNavigation(ctx, options))) return;
  let settings: PageSettings;
  try {
    settings = await send('page:get-settings', { site: options.site });
  } catch {
    return; // No worker answer (updating, or not configured): stay invisible.
  }
  if (!settings.enabled || !settings.configured || ctx.signal.aborted) return;

  const ui = createPageUi({
    doc,
    // The worker sends the strings of the chosen language: this script carries neither table.
    i18n: createI18n(settings.lang, settings.strings),
    send,
    site: options.site,
    role: settings.role,
    collapsed: settings.collapsed,
    signal: ctx.signal,
  });

  // What the previous page looked like, to tell a page the app has not redrawn yet from the new one.
  const memory: PageMemory = { signature: null, runs: 0 };
  const pages = createPageRunner({
    signal: ctx.signal,
    keyOf: (url) => {
      const found = options.resolve(url);
      return found ? (found.adapter.pageKey?.(url) ?? `${found.adapter.id}:${found.kind}:${url.origin}${url.pathname}`) : undefined;
    },
    run: (url, signal) => {
      // A new page: what the old one showed goes at once, whether or not this one shows anything.
      ui.clear();
      const found = options.resolve(url)!;
      return readPage({ ...found, url, navigated: memory.runs++ > 0, memory, signal, doc, send, settings, ui, options });
    },
    onError: (error) => console.debug('[alumni-lens] page run failed', error),
  });

  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    if (!pages.navigate(event.newUrl) && !options.resolve(event.newUrl)) ui.clear();
  });
  pages.navigate(new URL(doc.location.href));
}

/** True at the first single-page navigation to a page the script reads; false if the script goes away first. */
function readableNavigation(ctx: ContentScriptContext, options: SiteScriptOptions): Promise<boolean> {
  return new Promise((resolve) => {
    if (ctx.signal.aborted) return resolve(false);
    ctx.signal.addEventListener('abort', () => resolve(false), { once: true });
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      if (options.resolve(event.newUrl)) resolve(true);
    });
  });
}

interface PageMemory {
  /** Signature of the last page read (see `signatureOf`). */
  signature: string | null;
  runs: number;
}

/**
 * What a page says, without what adapters take from the URL (LinkedIn's profile URL comes from the
 * address): two pages with the same signature show the same content.
 */
function signatureOf(signals: PageSignals): string {
  return JSON.stringify([signals.people.map(({ profileUrl: _url, ...rest }) => rest), signals.organizations.map((o) => o.name)]);
}

interface PageRun {
  adapter: SiteAdapter;
  kind: PageKind;
  url: URL;
  navigated: boolean;
  memory: PageMemory;
  signal: AbortSignal;
  doc: Document;
  send: Send;
  settings: PageSettings;
  ui: PageUi;
  options: SiteScriptOptions;
}

/**
 * Reads the page once the app has drawn it. After a single-page navigation the URL changes before
 * the content does (LinkedIn fetches, then swaps): as long as the page still says exactly what the
 * previous one said, it is the previous page, and showing its alumnus under the new address would be
 * the worst mistake the extension can make. So wait for it to change, and show nothing if it never does.
 */
async function extractNewPage({ adapter, kind, url, navigated, memory, signal, doc, options }: PageRun): Promise<Extraction | null> {
  const deadline = Date.now() + (options.redrawTimeoutMs ?? 8000);
  if (navigated) await domSettled(doc, signal);
  await waitForAnchors(doc, adapter, kind, signal, options.anchorTimeoutMs ?? 5000);
  let extraction = adapter.extract(doc, kind, url);
  while (navigated && extraction.ok && signatureOf(extraction.signals) === memory.signature) {
    if (Date.now() > deadline) return null;
    await domSettled(doc, signal);
    extraction = adapter.extract(doc, kind, url);
  }
  if (extraction.ok) memory.signature = signatureOf(extraction.signals);
  return extraction;
}

async function readPage(run: PageRun): Promise<void> {
  const { adapter, kind, url, memory, signal, doc, send, ui, options } = run;
  const extraction = await extractNewPage(run);
  if (!extraction) return;
  if (!extraction.ok) {
    await send('page:report-diagnostic', extraction.diagnostic);
    return;
  }
  const context = { ...run, scanNames: options.scanNames };
  const results = await matchExtraction(extraction, context);
  if (!results) return;
  ui.show(results);

  // Lists grow as the user scrolls ("Show more results") and profiles draw sections late: when the
  // page changes, read it again, and match again only if what it says has changed.
  for (;;) {
    await nextDomChange(doc, signal);
    const next = adapter.extract(doc, kind, url);
    if (!next.ok || signatureOf(next.signals) === memory.signature) continue;
    memory.signature = signatureOf(next.signals);
    const updated = await matchExtraction(next, context);
    if (!updated) return;
    ui.show(updated, { refresh: true });
  }
}
