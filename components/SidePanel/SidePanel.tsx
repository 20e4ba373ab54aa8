import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo } from 'preact/hooks';
import { resolveLang } from '../../utils/i18n';
import { appI18n } from '../../utils/i18n/app';
import { I18nContext, useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';
import { Popup } from '../Popup/Popup';
import { Sidebar } from '../Sidebar/Sidebar';
import { createSidebarStore, featuredPeople, organizationsWithNews, relatedPeople } from '../Sidebar/sidebar-store';
import type { PanelPlatform } from './panel-platform';
import { type PanelView, useFollowedTab } from './useFollowedTab';

export interface SidePanelProps {
  platform: PanelPlatform;
  /** The browser's language, for the "auto" setting. */
  browserLanguage: string;
  pollMs?: number;
}

/**
 * The browser's side panel (side-panel mode): the same sidebar as the in-page overlay, for the tab the
 * user is on, and a plain sentence when that tab shows nothing Alumni Lens reads.
 */
export function SidePanel({ platform, browserLanguage, pollMs }: SidePanelProps) {
  const send = useSend();
  const { view, langSetting } = useFollowedTab(platform, send);
  const lang = resolveLang(langSetting, browserLanguage);
  const i18n = useMemo(() => appI18n(lang), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <I18nContext.Provider value={i18n}>
      <div class="al-panel" data-view={view.kind}>
        {view.kind === 'tab' ? (
          <TabView view={view} platform={platform} pollMs={pollMs} />
        ) : (
          <Notice view={view} platform={platform} />
        )}
      </div>
    </I18nContext.Provider>
  );
}

function TabView({ view, platform, pollMs }: { view: Extract<PanelView, { kind: 'tab' }>; platform: PanelPlatform; pollMs?: number }) {
  const { tab, role, tabId } = view;
  const store = useMemo(
    () =>
      createSidebarStore({ people: tab.people, organizations: tab.organizations, role, collapsed: false, selected: null, context: { site: tab.site, url: tab.url } }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one store for as long as the panel shows tabs; the effect below keeps it current
    [],
  );
  useLayoutEffect(() => {
    const previous = store.get();
    if (previous.people === tab.people && previous.organizations === tab.organizations && previous.role === role) return;
    // Another page (or tab) starts on its overview; the same page read again keeps the open card.
    const open = previous.selected;
    const keep = previous.context.url === tab.url && open !== null && tab.people.some((person) => person.alumnus.id === open.alumnusId && (open.ref === undefined || person.ref === open.ref));
    store.update({
      people: tab.people,
      organizations: tab.organizations,
      role,
      selected: keep ? previous.selected : null,
      context: { site: tab.site, url: tab.url },
    });
  }, [store, tab, role]);
  const shown = { ...store.get(), people: tab.people, organizations: tab.organizations, role };
  const anything = featuredPeople(shown).length + organizationsWithNews(shown).length + relatedPeople(shown).length > 0;
  if (!anything) return <Notice view={{ kind: 'none-recognised' }} platform={platform} />;
  return (
    <Sidebar
      store={store}
      docked
      pollMs={pollMs}
      onOpenPerson={(alumnusId) => void platform.reveal(tabId, alumnusId).catch(() => false)}
    />
  );
}

/**
 * When the tab shows nothing to put beside it, the panel says so in one plain sentence, announced to screen
 * readers, above what the toolbar button's popup shows in in-page mode (sync, outbox, offers): in side-panel
 * mode the button opens this panel instead.
 */
function Notice({ view, platform }: { view: Exclude<PanelView, { kind: 'tab' }> | { kind: 'none-recognised' }; platform: PanelPlatform }) {
  const { t } = useI18n();
  if (view.kind === 'loading') return null;
  const openOptions = () => void platform.openOptions();
  let message: ComponentChildren = null;
  if (view.kind === 'in-page') {
    message = <PanelMessage text={t('panel.inPage')} help={view.locked ? t('options.display.managed') : t('panel.inPageHelp')} />;
  } else if (view.kind === 'nothing-read') {
    message = <PanelMessage text={t('panel.nothingRead')} help={t('panel.nothingReadHelp')} />;
  } else if (view.kind === 'none-recognised') {
    message = <PanelMessage text={t('panel.noneRecognised')} />;
  }
  // Not connected: the popup's own view says so and offers the options.
  return (
    <Popup tabId={null} onOpenOptions={openOptions}>
      {message}
    </Popup>
  );
}

function PanelMessage({ text, help }: { text: string; help?: string }) {
  return (
    <section class="al-popup-card al-panel-message" role="status">
      <p class="al-panel-text">{text}</p>
      {help && <p class="al-muted">{help}</p>}
    </section>
  );
}
