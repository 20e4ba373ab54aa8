import { render } from 'preact';
import { ApiContext } from '../../components/api-context';
import { sendMessage } from '../../utils/messaging/client';
import { prepareExtensionPage } from '../../components/extension-page';
import { browserPanelPlatform } from '../../components/SidePanel/panel-platform';
import { SidePanel } from '../../components/SidePanel/SidePanel';
import sidePanelCss from '../../components/SidePanel/SidePanel.css?inline';
import popupCss from '../../components/Popup/Popup.css?inline';
import { pageCss } from '../../components/styles';

// The browser's side panel (Chromium's side_panel, Firefox's sidebar_action): WXT writes the manifest key
// for each build from this entry point. It shows the in-page sidebar's components for the active tab.
async function main() {
  await prepareExtensionPage(`${pageCss}\n${popupCss}\n${sidePanelCss}`);
  render(
    <ApiContext.Provider value={sendMessage}>
      <SidePanel platform={browserPanelPlatform} browserLanguage={navigator.language} />
    </ApiContext.Provider>,
    document.getElementById('app')!,
  );
}

void main();
