import { browser, type Browser } from 'wxt/browser';
import type { RequestOf } from '../messaging/protocol';
import type { ContentSend } from './send';
import { PanelTabMessage, type PingReply, type RevealReply } from '../messaging/panel-tab';
import type { PageResults, PageView } from './page-view';

export interface PanelPublisherOptions {
  send: ContentSend;
  site: string;
  /** Ends with the content script: it stops answering the panel. */
  signal: AbortSignal;
}

/**
 * Side-panel mode's page view: what the page shows goes to the worker, which keeps it for the browser's
 * side panel, and nothing at all is added to the page — no host element, no markers, no highlights.
 * The panel asks this script (never the page) whether its published state is current, and to scroll
 * the page to a person; answering reads the page and changes nothing in it.
 */
export function createPanelPublisher({ send, site, signal }: PanelPublisherOptions): PageView {
  // Which document published the worker's state: a tab that navigated elsewhere has no script answering with it.
  const token = crypto.randomUUID();
  let shown: PageResults | null = null;

  function publish(results: PageResults) {
    const people = results.people.map(({ element: _element, ...person }) => person);
    // The matches go back as the worker sent them: this script checked only what it reads of them (match-shell.ts),
    // and the worker's router parses page:panel-show's payload in full before the panel shows any of it.
    const matches = { people, organizations: results.organizations } as Pick<RequestOf<'page:panel-show'>, 'people' | 'organizations'>;
    send('page:panel-show', { token, url: results.url, site, ...matches }).catch(() => undefined);
  }

  function reveal(alumnusId: string): boolean {
    const element = shown?.people.find((person) => person.alumnus.id === alumnusId)?.element;
    if (!element?.isConnected) return false;
    element.scrollIntoView({ block: 'center', inline: 'nearest' });
    return true;
  }

  const onMessage = (raw: unknown, sender: Browser.runtime.MessageSender): Promise<PingReply | RevealReply | null> | undefined => {
    // Only the extension's own pages (the panel) ask; a message from a tab is never the panel.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const message = PanelTabMessage.safeParse(raw);
    if (!message.success) return undefined;
    switch (message.data.type) {
      case 'panel:ping':
        return Promise.resolve({ token });
      case 'panel:republish':
        if (shown) publish(shown);
        return Promise.resolve(null);
      case 'panel:reveal':
        return Promise.resolve({ revealed: reveal(message.data.alumnusId) });
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });

  return {
    show(results) {
      shown = results;
      publish(results);
    },
    // Nothing is added to the page in this mode.
    prepare() {},
    clear() {
      if (!shown) return;
      shown = null;
      send('page:panel-clear', { token }).catch(() => undefined);
    },
  };
}
