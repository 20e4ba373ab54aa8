import { browser } from 'wxt/browser';
import type { DisplayMode } from '../config';

// The browser's panel beside the page: Chromium's side panel (chrome.sidePanel, manifest `side_panel`) or
// Firefox's sidebar (sidebarAction, manifest `sidebar_action`); WXT writes the right manifest key for each
// build from entrypoints/sidepanel/. Only the APIs used here are typed.
interface ChromiumSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

const extensionApis = browser as unknown as { sidePanel?: ChromiumSidePanel; sidebarAction?: FirefoxSidebarAction };

/** The popup the manifest declares (entrypoints/popup), shown by the toolbar button in in-page mode. */
const POPUP_PAGE = 'popup.html';

/**
 * Makes the toolbar button follow the display mode. In-page mode: the button opens the popup. Side-panel
 * mode: no popup, so a click reaches the extension and opens the panel (Chromium does it itself once told
 * to; Firefox through `openPanelFromToolbar`). The panel itself stays available in both modes: opened from
 * the browser's own menu in in-page mode, it says where the cards are.
 */
export async function applyDisplayMode(mode: DisplayMode): Promise<void> {
  const inPanel = mode === 'side-panel';
  await browser.action?.setPopup({ popup: inPanel ? '' : POPUP_PAGE });
  await extensionApis.sidePanel?.setPanelBehavior({ openPanelOnActionClick: inPanel });
}

/**
 * The toolbar button was clicked and had no popup: side-panel mode. Firefox opens a sidebar only while it
 * handles a user action, so this runs synchronously in the click's listener, before any await.
 */
export function openPanelFromToolbar(): void {
  extensionApis.sidebarAction?.open().catch((error: unknown) => console.warn('[alumni-lens] could not open the sidebar', error));
}
