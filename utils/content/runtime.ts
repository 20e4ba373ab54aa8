import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageSettings } from '../messaging/page-answers';
import type { Send } from '../messaging/client';
import { contentSendOf, sendFromContent, type ContentSend } from './send';
import { createI18n } from '../i18n/create';
import type { Extraction, PageKind, SiteAdapter } from '../sites/types';
import type { PageSignals } from '../signals/schema';
import { pageKeyOf } from './page-key';
import { createPageRunner } from './page-run';
import { waitForAnchors } from './wait-for-anchors';
import { readAhead, type ReadAhead } from './read-ahead';
import { createLazyPageUi } from './lazy-page-ui';
import { loadPageUi } from './page-ui-handoff';
import type { PageView } from './page-view';
import { createPanelPublisher } from './panel-publisher';
import { matchExtraction } from './present';
import { domSettled, nextDomChange } from './settle';
import { onDataChanged } from '../messaging/tab-events';
import type { PageNames } from './name-highlights';

export interface SiteScriptOptions {
  /** The settings key of the site ('linkedin', 'org-website', …). */
  site: string;
  /** Which adapter reads this URL, and as what kind of page; undefined: not a page we read. */
  resolve(url: URL): { adapter: SiteAdapter; kind: PageKind } | undefined;
  /** Organisation websites only: the page's text, sent with page:match for the alumni it names. */
  readNames?(doc: Document): PageNames | null;
  /**
   * Tests pass a stand-in for the worker, which the in-page UI gets too; the extension uses the content
   * script's own client (send.ts), and the in-page UI its own.
   */
  send?: Send;
  doc?: Document;
  anchorTimeoutMs?: number;
  /** After a navigation, how long to wait for the app to replace the previous page's content. */
  redrawTimeoutMs?: number;
  /**
   * Subscribes to the worker's "the synced data changed" (a sync, the first one above all); returns the
   * unsubscribe. The extension listens on runtime.onMessage (utils/messaging/tab-events.ts); tests pass a stand-in.
   */
  onDataChanged?(listener: () => void): () => void;
  /** Re-reads after DOM changes, per page (default MAX_REREADS). */
  maxRereads?: number;
}

/**
 * At most this many re-reads of one page after its DOM changed and settled: a page that never stops
 * changing is not read forever. A change of the synced data is still heard after that.
 */
const MAX_REREADS = 300;

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
 * moves on. A site that is off, or a page the script does not read, gets nothing injected; a page it reads
 * gets the same empty hosts whether or not anyone on it is recognised (see page-ui.tsx). When the
 * worker says the synced data changed (the first sync after configuration above all), a script that
 * was waiting starts, and a running one matches its page again: nobody has to reload.
 */
export async function runSiteScript(ctx: ContentScriptContext, options: SiteScriptOptions): Promise<void> {
  const send: ContentSend = options.send ? contentSendOf(options.send) : sendFromContent;
  const doc = options.doc ?? document;
  // A page this script does not read (LinkedIn's feed, a GitHub repository) costs nothing, not even a
  // message that would wake the worker, until the app navigates to one it does read.
  if (!options.resolve(new URL(doc.location.href)) && !(await readableNavigation(ctx, options))) return;

  // The question goes out before anything else runs, and the page is read while the worker answers: reading
  // only looks, and nothing is injected or sent until the answer says the site is on and configured (issue 11,
  // document idle → card). Asked later, the question waited behind the reading (25–30 ms on a profile).
  let firstAsk: Promise<PageSettings> | undefined = send('page:get-settings', { site: options.site });
  firstAsk.catch(() => undefined); // Handled by the first update below.
  let early = readAhead(ctx.signal, options.resolve, doc, options.anchorTimeoutMs);
  let session: Session | undefined;
  let following = false;
  // Settings requests and session changes one at a time, in the order the worker's news arrived.
  let queue: Promise<void> = Promise.resolve();
  const update = (dataChanged: boolean) => {
    queue = queue.then(async () => {
      let settings: PageSettings;
      const asking = firstAsk ?? send('page:get-settings', { site: options.site });
      firstAsk = undefined;
      try {
        settings = await asking;
      } catch {
        early = early?.drop();
        return; // No worker answer (updating): stay invisible until it speaks again.
      }
      if (ctx.signal.aborted) return;
      if (session && sameSettings(session.settings, settings)) {
        if (dataChanged) session.dataChanged();
        return;
      }
      // Another role or language (a new token), or the site switched off: start over with the new settings.
      session?.stop();
      session = settings.enabled && settings.configured ? startSession(ctx, options, settings, send, doc, early) : undefined;
      // The read ahead serves the first session only; a site that is off drops it.
      early = session ? undefined : early?.drop();
      // Single-page navigation is followed from the first session on (a site that is off watches nothing).
      if (session && !following) {
        following = true;
        ctx.addEventListener(window, 'wxt:locationchange', (event) => session?.navigate(event.newUrl));
      }
    });
    return queue;
  };
  const subscribe = options.onDataChanged ?? onDataChanged;
  const unsubscribe = subscribe(() => void update(true));
  ctx.signal.addEventListener('abort', unsubscribe, { once: true });
  await update(false);
}

/** Settings that change what a session shows; `collapsed` is the sidebar's own state, kept as the user left it. */
function sameSettings(a: PageSettings, b: PageSettings): boolean {
  return (
    a.enabled === b.enabled &&
    a.configured === b.configured &&
    a.role === b.role &&
    a.lang === b.lang &&
    a.highlightNames === b.highlightNames &&
    a.display === b.display
  );
}

interface Session {
  settings: PageSettings;
  /** The synced data changed: match the current page again. */
  dataChanged(): void;
  /** A single-page navigation. */
  navigate(url: URL): void;
  /** Removes everything the session showed and stops its page run. */
  stop(): void;
}

function startSession(
  ctx: ContentScriptContext,
  options: SiteScriptOptions,
  settings: PageSettings,
  send: ContentSend,
  doc: Document,
  early: ReadAhead | undefined,
): Session {
  const lifetime = new AbortController();
  const stop = () => lifetime.abort(new DOMException('session ended', 'AbortError'));
  ctx.signal.addEventListener('abort', stop, { once: true, signal: lifetime.signal });
  // Side-panel mode: the results go to the worker for the browser's panel, and nothing is drawn in the page.
  const ui: PageView & { preload?(): void } =
    settings.display === 'side-panel'
      ? createPanelPublisher({ send, site: options.site, signal: lifetime.signal })
      : createLazyPageUi({
          doc,
          // The UI itself comes from the worker once the page has something to show.
          load: () => loadPageUi(send),
          // The worker sends the strings of the chosen language: this script carries neither table.
          i18n: createI18n(settings.lang, settings.strings),
          send: options.send,
          site: options.site,
          role: settings.role,
          collapsed: settings.collapsed,
          signal: lifetime.signal,
        });

  // What the previous page looked like, to tell a page the app has not redrawn yet from the new one.
  const memory: PageMemory = { signature: null, runs: 0 };
  const changes = new EventTarget();
  const pages = createPageRunner({
    signal: lifetime.signal,
    keyOf: (url) => pageKeyOf(options.resolve, url),
    run: (url, signal) => {
      // A new page: what the old one showed goes at once, whether or not this one shows anything.
      ui.clear();
      ui.prepare();
      const found = options.resolve(url)!;
      // A profile (or its details) usually has someone to show: its in-page UI is loaded while it is matched.
      if (found.kind.startsWith('profile')) ui.preload?.();
      // The read ahead is the first page's, if the app has not moved on since it began.
      const ahead = early?.url.href === url.href ? early : early?.drop();
      ahead && signal.addEventListener('abort', ahead.drop);
      early = undefined;
      return readPage({ ...found, url, navigated: memory.runs++ > 0, memory, signal, doc, send, settings, ui, options, changes, ahead });
    },
    onError: (error) => console.debug('[alumni-lens] page run failed', error),
  });

  pages.navigate(new URL(doc.location.href));
  return {
    settings,
    dataChanged: () => changes.dispatchEvent(new Event('data')),
    navigate: (url) => {
      if (lifetime.signal.aborted) return;
      if (!pages.navigate(url) && !options.resolve(url)) ui.clear();
    },
    stop,
  };
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
  send: ContentSend;
  settings: PageSettings;
  ui: PageView;
  options: SiteScriptOptions;
  /** Fires 'data' when the worker's synced data changed. */
  changes: EventTarget;
  /** The page as read while the settings were asked for (first page only). */
  ahead?: ReadAhead;
}

/**
 * Reads the page once the app has drawn it. After a single-page navigation the URL changes before
 * the content does (LinkedIn fetches, then swaps): as long as the page still says exactly what the
 * previous one said, it is the previous page, and showing its alumnus under the new address would be
 * the worst mistake the extension can make. So wait for it to change, and show nothing if it never does.
 */
async function extractNewPage({ adapter, kind, url, navigated, memory, signal, doc, options, ahead }: PageRun): Promise<Extraction | null> {
  const deadline = Date.now() + (options.redrawTimeoutMs ?? 8000);
  if (navigated) await domSettled(doc, signal);
  // Read ahead (the first page): read again only if the app drew more since (the 2026 profile's Experience).
  const read = await ahead?.read;
  ahead?.drop();
  if (!read) await waitForAnchors(doc, adapter, kind, signal, options.anchorTimeoutMs ?? 5000);
  let extraction = read && !read.changed() ? read.extraction : adapter.extract(doc, kind, url);
  while (navigated && extraction.ok && signatureOf(extraction.signals) === memory.signature) {
    if (Date.now() > deadline) return null;
    await domSettled(doc, signal);
    extraction = adapter.extract(doc, kind, url);
  }
  if (extraction.ok) memory.signature = signatureOf(extraction.signals);
  return extraction;
}

/**
 * Resolves 'data' at once if the synced data changed since the last call, else whichever comes first:
 * 'dom' when the page changed and settled (unless `watchDom` is false), 'data' when the worker says
 * the data changed.
 */
function changeWatcher(run: PageRun): (watchDom: boolean) => Promise<'dom' | 'data'> {
  const { doc, signal, changes } = run;
  let pending = false;
  changes.addEventListener('data', () => (pending = true), { signal });
  return (watchDom) => {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (pending) {
      pending = false;
      return Promise.resolve('data');
    }
    return new Promise((resolve, reject) => {
      const stop = new AbortController();
      const onAbort = () => {
        stop.abort(signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const finish = (why: 'dom' | 'data') => {
        pending = false;
        signal.removeEventListener('abort', onAbort);
        stop.abort();
        resolve(why);
      };
      changes.addEventListener('data', () => finish('data'), { once: true, signal: stop.signal });
      // Aborted with the run (onAbort rejects) or by finish(): nothing more to do either way.
      if (watchDom) nextDomChange(doc, stop.signal).then(() => finish('dom'), () => undefined);
    });
  };
}

/**
 * Reads the page, matches it and shows the result; then keeps reading it as it changes — lists grow as
 * the user scrolls, the 2026 app draws Experience after the top card — and matches again when what it
 * says changed or the synced data did. Updates replace the card and badges in place (the open card
 * stays open, focus stays where it is). A layout it cannot read is reported once, and read again later.
 */
async function readPage(run: PageRun): Promise<void> {
  const { adapter, kind, url, memory, doc, send, ui, options } = run;
  let extraction = await extractNewPage(run);
  if (!extraction) return;
  const context = { ...run, readNames: options.readNames };
  const reported = new Set<string>();
  const report = async (diagnostic: Extraction & { ok: false }) => {
    if (reported.has(diagnostic.diagnostic.missing)) return;
    reported.add(diagnostic.diagnostic.missing);
    await send('page:report-diagnostic', diagnostic.diagnostic).catch(() => undefined);
  };
  const nextChange = changeWatcher(run);
  let shown = false;
  let force = false;
  for (let reads = 0; ; reads++) {
    if (!extraction.ok) await report(extraction);
    else if (!shown || force || signatureOf(extraction.signals) !== memory.signature) {
      memory.signature = signatureOf(extraction.signals);
      const results = await matchExtraction(extraction, context);
      if (!results) return;
      ui.show(results, { refresh: shown });
      shown = true;
    }
    force = (await nextChange(reads < (options.maxRereads ?? MAX_REREADS))) === 'data';
    // The app changed the address and is drawing another page: its content is not this page's (read
    // under this address it would pair the new person with the old profile URL). The new page's run reads it.
    if (pageKeyOf(options.resolve, new URL(doc.location.href)) !== pageKeyOf(options.resolve, url)) return;
    extraction = adapter.extract(doc, kind, url);
  }
}
