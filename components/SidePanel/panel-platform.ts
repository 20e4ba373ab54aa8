import { browser, type Browser } from 'wxt/browser';
import { readSettings } from '../../utils/config';
import type { LangSetting } from '../../utils/i18n';
import { PingReply, RevealReply, type PanelTabMessage } from '../../utils/messaging/panel-tab';

/** What the side panel does outside itself: which tab it follows, and asking that tab's content script. */
export interface PanelPlatform {
  /** The browser window the panel belongs to (a side panel or sidebar is one per window). */
  windowId(): Promise<number>;
  /** The tab the user is looking at in that window; null when there is none. */
  activeTab(windowId: number): Promise<number | null>;
  /**
   * Calls back when what the panel shows may have changed: another tab activated in its window, the
   * followed tab loading, a content script publishing, a setting or policy changing. Returns an unsubscribe.
   */
  watch(windowId: number, listener: (change: PanelChange) => void): () => void;
  /** The document token of our content script in the tab; null when no script of ours answers there. */
  ping(tabId: number): Promise<string | null>;
  /** Asks the tab's content script to publish its results again (the worker holds another document's). */
  republish(tabId: number): Promise<void>;
  /** Asks the tab's content script to scroll the page to the person; false when it could not. */
  reveal(tabId: number, alumnusId: string): Promise<boolean>;
  /** The user's language setting. */
  languageSetting(): Promise<LangSetting>;
  openOptions(): Promise<void>;
}

export type PanelChange = { kind: 'activated'; tabId: number } | { kind: 'tab-loading'; tabId: number } | { kind: 'state' };

/** Keys whose change may change the panel: the worker's per-tab state, the settings, the policy. */
const WATCHED = { session: ['panelTabs'], local: ['settings'], managed: ['display'] } as Record<string, string[]>;

async function askTab(tabId: number, message: PanelTabMessage): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    return null; // No script of ours there (another site, a page not read, a browser page).
  }
}

export const browserPanelPlatform: PanelPlatform = {
  async windowId() {
    const current = await browser.windows.getCurrent();
    if (current.id === undefined) throw new Error('The side panel has no window');
    return current.id;
  },
  async activeTab(windowId) {
    const [tab] = await browser.tabs.query({ active: true, windowId });
    return tab?.id ?? null;
  },
  watch(windowId, listener) {
    const onActivated = ({ tabId, windowId: inWindow }: { tabId: number; windowId: number }) => {
      if (inWindow === windowId) listener({ kind: 'activated', tabId });
    };
    // Without the "tabs" permission the change carries no URL, but it does say a tab started loading.
    const onUpdated = (tabId: number, change: Browser.tabs.OnUpdatedInfo) => {
      if (change.status) listener({ kind: 'tab-loading', tabId });
    };
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (WATCHED[area]?.some((key) => Object.hasOwn(changes, key))) listener({ kind: 'state' });
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.storage.onChanged.addListener(onStorage);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.storage.onChanged.removeListener(onStorage);
    };
  },
  async ping(tabId) {
    const reply = PingReply.safeParse(await askTab(tabId, { type: 'panel:ping' }));
    return reply.success ? reply.data.token : null;
  },
  async republish(tabId) {
    await askTab(tabId, { type: 'panel:republish' });
  },
  async reveal(tabId, alumnusId) {
    const reply = RevealReply.safeParse(await askTab(tabId, { type: 'panel:reveal', alumnusId }));
    return reply.success && reply.data.revealed;
  },
  async languageSetting() {
    return (await readSettings().catch(() => null))?.lang ?? 'auto';
  },
  openOptions: () => browser.runtime.openOptionsPage(),
};
