import { useEffect, useState } from 'preact/hooks';
import type { Role } from '../../utils/api';
import type { LangSetting } from '../../utils/i18n';
import type { PanelTab } from '../../utils/messaging/protocol';
import type { Send } from '../api-context';
import type { PanelPlatform } from './panel-platform';

/** What the panel shows for the tab it follows. */
export type PanelView =
  | { kind: 'loading' }
  /** The user (or the policy) chose the in-page overlay: the panel says so. */
  | { kind: 'in-page'; locked: boolean }
  | { kind: 'not-configured' }
  /** No page of ours on the tab, or its page has published nothing (yet). */
  | { kind: 'nothing-read' }
  | { kind: 'tab'; tabId: number; tab: PanelTab; role: Role };

/**
 * Follows the active tab of the panel's window: its state comes from the worker (which the tab's content
 * script published to), and is shown only while the document that published it is still in the tab — a
 * tab that navigated elsewhere has no script of ours answering with that document's token.
 */
export function useFollowedTab(platform: PanelPlatform, send: Send): { view: PanelView; langSetting: LangSetting } {
  const [view, setView] = useState<PanelView>({ kind: 'loading' });
  const [langSetting, setLangSetting] = useState<LangSetting>('auto');

  useEffect(() => {
    let stopped = false;
    let unwatch = () => {};
    let tabId: number | null = null;
    // Refreshes overlap (a tab switch during a publish): only the latest one's answer is shown.
    let latest = 0;
    // Documents asked to publish again, once each.
    const askedAgain = new Set<string>();

    async function refresh() {
      const run = ++latest;
      const followed = tabId;
      const [state, token, lang] = await Promise.all([
        followed === null ? send('ui:panel-state', { tabId: -1 }) : send('ui:panel-state', { tabId: followed }),
        followed === null ? Promise.resolve(null) : platform.ping(followed),
        platform.languageSetting(),
      ]);
      if (stopped || run !== latest) return;
      setLangSetting(lang);
      if (state.display.mode === 'in-page') return setView({ kind: 'in-page', locked: state.display.locked });
      if (!state.role) return setView({ kind: 'not-configured' });
      if (followed !== null && state.tab && token === state.tab.token) {
        return setView({ kind: 'tab', tabId: followed, tab: state.tab, role: state.role });
      }
      if (followed !== null && token && state.tab && !askedAgain.has(token)) {
        // The worker holds another document's state (this one came back from the back-forward cache).
        askedAgain.add(token);
        void platform.republish(followed);
      }
      setView({ kind: 'nothing-read' });
    }
    // A worker that is stopping (or a tab mid-navigation) can fail one refresh: try again a little later.
    let retry: ReturnType<typeof setTimeout> | undefined;
    const refreshLogged = (attempt = 0) => {
      clearTimeout(retry);
      refresh().catch((error: unknown) => {
        console.warn('[alumni-lens] side panel', error);
        if (!stopped && attempt < 3) retry = setTimeout(() => refreshLogged(attempt + 1), 300 * 3 ** attempt);
      });
    };

    (async () => {
      const windowId = await platform.windowId();
      tabId = await platform.activeTab(windowId);
      if (stopped) return;
      unwatch = platform.watch(windowId, (change) => {
        if (change.kind === 'activated') tabId = change.tabId;
        else if (change.kind === 'tab-loading' && change.tabId !== tabId) return;
        refreshLogged();
      });
      refreshLogged();
    })().catch((error: unknown) => console.warn('[alumni-lens] side panel', error));

    return () => {
      stopped = true;
      clearTimeout(retry);
      unwatch();
    };
  }, [platform, send]);

  return { view, langSetting };
}
