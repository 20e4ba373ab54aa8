import { browser, type Browser } from 'wxt/browser';

/** entrypoints/page-ui, as WXT builds an unlisted script: at the extension's root, not web-accessible. */
export const PAGE_UI_SCRIPT = '/page-ui.js';

type Scripting = Pick<typeof browser.scripting, 'executeScript'>;

/**
 * Injects the in-page UI into the frame whose content script asked (page:load-ui), in that script's own
 * isolated world: never another tab or frame (the target is the sender's, nothing in the message chooses
 * it), never the page's main world, where the host page's scripts would read alumni data. Needs host
 * permission for the page: the networking sites' are in the manifest, organisation websites' are granted.
 */
export async function injectPageUi(sender: Browser.runtime.MessageSender, scripting: Scripting = browser.scripting): Promise<{ ok: true }> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || frameId === undefined) throw new Error("page:load-ui comes from a page's content script");
  await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PAGE_UI_SCRIPT], world: 'ISOLATED' });
  return { ok: true };
}
