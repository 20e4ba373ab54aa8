import { render } from 'preact';
import { ApiContext } from '../../components/api-context';
import type { Send } from '../messaging/client';
import { Sidebar } from '../../components/Sidebar/Sidebar';
import { createSidebarStore, type Selection } from '../../components/Sidebar/sidebar-store';
import { pageCss } from '../../components/styles';
import type { Role } from '../api';
import { I18nContext, type I18n } from '../i18n/context';
import { createMarkerLayer, type MarkerTarget } from './marker-layer';
import type { ClosedHost } from './shadow-host';
import type { PageHosts } from './page-hosts';
import type { PageView } from './page-view';
import { sendFromPageUi } from './page-ui-send';
import { checkResults } from './checked-results';

export interface PageUiOptions {
  doc: Document;
  /** The content script's hosts (page-hosts.ts), already on the page: the UI draws into them. */
  hosts: PageHosts;
  i18n: I18n;
  /** Tests pass a stand-in for the worker; the extension leaves it out and the UI uses its own client. */
  send?: Send;
  site: string;
  role: Role | null;
  collapsed: boolean;
  /** Ends with the content script (extension update or unload): everything is removed. */
  signal: AbortSignal;
}

/** What the in-page UI script (entrypoints/page-ui) hands the content script. */
export type CreatePageUi = (options: PageUiOptions) => PageView;

/**
 * The page's UI: the sidebar and the marker overlay, drawn into the content script's two hosts. This module
 * (with Preact and the components) is not in the content scripts: the worker injects it into the script's
 * own isolated world once a page has something to show (lazy-page-ui.ts). What a page's scripts can see of
 * the hosts (two neutral elements, closed roots, no box) is the same whether or not anyone on it is an
 * alumnus. What stays observable in this mode is in PRIVACY.md ("What a website can see").
 */
export const createPageUi: CreatePageUi = (options) => {
  const { doc, hosts, i18n, site, signal } = options;
  // Its own client, with the page:* answers (page-ui-send.ts): the content script's parses only what it sends
  // itself. Any other message is refused by the worker from a page's frame, and by this client before it is sent.
  const send = options.send ?? (sendFromPageUi as Send);
  const store = createSidebarStore({
    people: [],
    organizations: [],
    role: options.role,
    collapsed: options.collapsed,
    selected: null,
    context: { site },
  });
  const markers = createMarkerLayer(doc, pageCss, i18n, signal, hosts.layer);
  let sidebarHost: ClosedHost | null = null;

  function rememberCollapsed(collapsed: boolean) {
    // The worker keeps it per site; a failure only costs the memory of it.
    send('page:set-collapsed', { site, collapsed }).catch(() => undefined);
  }

  function mountSidebar() {
    const host = hosts.sidebar();
    if (!host || host === sidebarHost) return;
    sidebarHost = host;
    host.useCss(pageCss);
    render(
      <ApiContext.Provider value={send}>
        <I18nContext.Provider value={i18n}>
          <Sidebar store={store} onCollapsedChange={rememberCollapsed} />
        </I18nContext.Provider>
      </ApiContext.Provider>,
      host.container,
    );
  }

  // The hosts themselves go with the session (page-hosts.ts); Preact lets go of what it drew.
  signal.addEventListener('abort', () => sidebarHost && render(null, sidebarHost.container), { once: true });

  const open = (selected: Selection) => store.update({ selected, collapsed: false });

  return {
    show(results, { refresh = false } = {}) {
      const checked = checkResults(results);
      if (checked instanceof Error) {
        // Nothing drawn from data the UI cannot vouch for; what was shown before goes too.
        console.debug('[alumni-lens] the in-page UI refused a page result', checked);
        markers.set([]);
        store.update({ people: [], organizations: [], selected: null });
        return;
      }
      const { people, organizations } = checked;
      const { url, highlights } = results;
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
};
