import { render } from 'preact';
import { ApiContext } from '../../components/api-context';
import type { Send } from '../messaging/client';
import { Sidebar } from '../../components/Sidebar/Sidebar';
import { createSidebarStore, type PagePerson, type Selection, type SidebarStore } from '../../components/Sidebar/sidebar-store';
import { pageCss } from '../../components/styles';
import type { Role } from '../api';
import { I18nContext, type I18n } from '../i18n/context';
import type { Confidence, OrganizationMatch } from '../messaging/protocol';
import { createMarkerLayer, type MarkerTarget } from './marker-layer';
import { createClosedHost, type ClosedHost } from './shadow-host';

export interface PageUiOptions {
  doc: Document;
  i18n: I18n;
  send: Send;
  site: string;
  role: Role | null;
  collapsed: boolean;
  /** Ends with the content script (extension update or unload): everything is removed. */
  signal: AbortSignal;
}

export interface PageResults {
  url: string;
  people: Array<PagePerson & { element: Element | null }>;
  organizations: OrganizationMatch[];
  /** Names in an organisation website's text: the page person (`ref`) each one opens, and how sure the match is. */
  highlights: Array<{ alumnusId: string; ref: number; confidence: Confidence; ranges: Range[] }>;
}

/** What the content runtime does with a page's results: draw them (in-page mode) or publish them (side-panel mode). */
export interface PageView {
  /** `refresh`: the same page read again (more rows loaded); the open card stays open. */
  show(results: PageResults, options?: { refresh?: boolean }): void;
  /** Back to nothing on the page (a new page is being read). */
  clear(): void;
  /** A page the site's adapter reads is about to be read: be ready to show it (in-page mode adds its hosts now). */
  prepare(): void;
}

export interface PageUi extends PageView {
  store: SidebarStore;
}

/**
 * The page's UI: one sidebar host and one marker overlay. Both are added when the first page the adapter
 * reads is about to be read, before anyone is recognised, and stay (empty) until the session ends: what a
 * page's scripts can see of them (two neutral elements, closed roots, no box) is the same whether or not
 * anyone on it is an alumnus. What stays observable in this mode is in PRIVACY.md ("What a website can see").
 */
export function createPageUi(options: PageUiOptions): PageUi {
  const { doc, i18n, send, site, signal } = options;
  const store = createSidebarStore({
    people: [],
    organizations: [],
    role: options.role,
    collapsed: options.collapsed,
    selected: null,
    context: { site },
  });
  const markers = createMarkerLayer(doc, pageCss, i18n, signal);
  let sidebarHost: ClosedHost | null = null;

  function rememberCollapsed(collapsed: boolean) {
    // The worker keeps it per site; a failure only costs the memory of it.
    send('page:set-collapsed', { site, collapsed }).catch(() => undefined);
  }

  function mountSidebar() {
    if (signal.aborted) return;
    if (sidebarHost) return sidebarHost.ensureAttached();
    sidebarHost = createClosedHost(doc, pageCss, 'sidebar', (container) =>
      render(
        <ApiContext.Provider value={send}>
          <I18nContext.Provider value={i18n}>
            <Sidebar store={store} onCollapsedChange={rememberCollapsed} />
          </I18nContext.Provider>
        </ApiContext.Provider>,
        container,
      ),
    );
  }

  function unmountSidebar() {
    if (!sidebarHost) return;
    render(null, sidebarHost.container);
    sidebarHost.remove();
    sidebarHost = null;
  }

  signal.addEventListener('abort', unmountSidebar, { once: true });

  const open = (selected: Selection) => store.update({ selected, collapsed: false });

  return {
    store,
    show({ url, people, organizations, highlights }, { refresh = false } = {}) {
      // The app may have redrawn its body since the page run began: the card must not go unseen.
      mountSidebar();
      store.update({ people, organizations, selected: refresh ? store.get().selected : null, context: { site, url } });
      const targets: MarkerTarget[] = [];
      for (const person of people) {
        // The profile's own subject is the sidebar's card; badges mark names in lists and side rails.
        if (person.role === 'subject' || !person.element) continue;
        // Each badge opens its own person's card: never that of someone else on the page with the same match.
        const selection = { alumnusId: person.alumnus.id, ref: person.ref };
        targets.push({ anchor: person.element, variant: 'badge', confidence: person.confidence, onOpen: () => open(selection) });
      }
      for (const hit of highlights) {
        const selection = { alumnusId: hit.alumnusId, ref: hit.ref };
        for (const range of hit.ranges) targets.push({ anchor: range, variant: 'highlight', confidence: hit.confidence, onOpen: () => open(selection) });
      }
      markers.set(targets);
    },
    clear() {
      markers.set([]);
      store.update({ people: [], organizations: [], selected: null });
    },
    prepare() {
      mountSidebar();
      markers.attach();
    },
  };
}
