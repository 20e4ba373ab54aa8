import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ApiContext } from '../../components/api-context';
import { sendMessage } from '../../utils/messaging/client';
import { prepareExtensionPage } from '../../components/extension-page';
import { Popup } from '../../components/Popup/Popup';
import popupCss from '../../components/Popup/Popup.css?inline';
import { appI18n } from '../../utils/i18n/app';
import { I18nContext } from '../../utils/i18n/context';

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function openOptions() {
  await browser.runtime.openOptionsPage();
  window.close();
}

async function openShowcase() {
  await browser.tabs.create({ url: browser.runtime.getURL('/showcase.html') });
  window.close();
}

async function main() {
  const [lang, tabId] = await Promise.all([prepareExtensionPage(popupCss), activeTabId()]);
  render(
    <ApiContext.Provider value={sendMessage}>
      <I18nContext.Provider value={appI18n(lang)}>
        <Popup tabId={tabId} onOpenOptions={() => void openOptions()} onOpenShowcase={() => void openShowcase()} />
      </I18nContext.Provider>
    </ApiContext.Provider>,
    document.getElementById('app')!,
  );
}

void main();
