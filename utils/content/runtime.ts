import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Send } from '../../components/api-context';
import { sendMessage } from '../messaging/client';
import type { PageSettings } from '../messaging/protocol';
import { createI18n } from '../i18n/context';
import type { PageKind, SiteAdapter } from '../sites/types';
import { createPageRunner } from '../sites/page-run';
import { waitForAnchors } from '../sites/wait-for-anchors';
import { createPageUi, type PageResults, type PageUi } from './page-ui';
import { domSettled } from './settle';
import type { NameHighlight, NameScan } from './name-highlights';

export interface SiteScriptOptions {
  /** The settings key of the site ('linkedin', 'org-website', …). */
  site: string;
  /** Which adapter reads this URL, and as what kind of page; undefined: not a page we read. */
  resolve(url: URL): { adapter: SiteAdapter; kind: PageKind } | undefined;
  /** Organisation websites only: alumni named in the page text. */
  scanNames?(doc: Document, send: Send, organizationName: string | undefined, signal: AbortSignal): Promise<NameScan>;
  /** Tests pass a stand-in for the worker; the extension uses the typed client. */
  send?: Send;
  doc?: Document;
  anchorTimeoutMs?: number;
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
  let settings: PageSettings;
  try {
    settings = await send('page:get-settings', { site: options.site });
  } catch {
    return; // No worker answer (updating, or not configured): stay invisible.
  }
  if (!settings.enabled || !settings.configured || ctx.signal.aborted) return;

  const ui = createPageUi({
    doc,
    i18n: createI18n(settings.lang),
    send,
    site: options.site,
    role: settings.role,
    collapsed: settings.collapsed,
    signal: ctx.signal,
  });

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
      return readPage({ ...found, url, navigated: url.href !== firstUrl, signal, doc, send, settings, ui, options });
    },
    onError: (error) => console.debug('[alumni-lens] page run failed', error),
  });
  const firstUrl = doc.location.href;

  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    if (!pages.navigate(event.newUrl) && !options.resolve(event.newUrl)) ui.clear();
  });
  pages.navigate(new URL(firstUrl));
}

interface PageRun {
  adapter: SiteAdapter;
  kind: PageKind;
  url: URL;
  navigated: boolean;
  signal: AbortSignal;
  doc: Document;
  send: Send;
  settings: PageSettings;
  ui: PageUi;
  options: SiteScriptOptions;
}

async function readPage({ adapter, kind, url, navigated, signal, doc, send, settings, ui, options }: PageRun): Promise<void> {
  if (navigated) await domSettled(doc, signal);
  await waitForAnchors(doc, adapter, kind, signal, options.anchorTimeoutMs ?? 5000);
  const extraction = adapter.extract(doc, kind, url);
  if (!extraction.ok) {
    await send('page:report-diagnostic', extraction.diagnostic);
    return;
  }
  const { signals, nameElements, roles } = extraction;
  const names =
    options.scanNames && settings.highlightNames && settings.role !== 'alumni'
      ? await options.scanNames(doc, send, signals.organizations[0]?.name, signal)
      : null;
  const ownCount = signals.people.length;
  const asked = { ...signals, people: [...signals.people, ...(names?.signals ?? [])].slice(0, 500) };
  const hasSignals = asked.people.length > 0 || asked.organizations.length > 0;
  const match = hasSignals ? await send('page:match', { url: url.href, signals: asked }) : { people: [], organizations: [] };
  if (signal.aborted) return;
  const highlights: NameHighlight[] = names?.highlights(match.people, ownCount) ?? [];

  const people: PageResults['people'] = match.people.filter((person) => person.ref < ownCount).map((person) => ({
    ...person,
    role: roles[person.ref] ?? 'listed',
    element: nameElements[person.ref] ?? null,
  }));
  // Names found in the text join the page's people, once each.
  const known = new Set(people.map((person) => person.alumnus.id));
  for (const { match: named } of highlights) {
    if (known.has(named.alumnus.id)) continue;
    known.add(named.alumnus.id);
    people.push({ ...named, role: 'listed', element: null });
  }
  const results: PageResults = {
    url: url.href,
    people,
    organizations: match.organizations,
    highlights: highlights.map((h) => ({ alumnusId: h.match.alumnus.id, ranges: h.ranges })),
  };
  ui.show(results);
}
