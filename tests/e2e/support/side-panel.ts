import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browser';
import { eventually } from './closed-shadow';
import { screenshot } from './screenshots';

// The browser's side panel in Chromium: the extension's own page (sidepanel.html) beside the tabs. It is an
// extension page, not part of any site, so the tests read it with ordinary DOM queries — the site's page
// keeps its own DOM, which the tests check is untouched.

/**
 * Presses the extension's toolbar button on `page`'s tab, as the user's click does (DevTools'
 * Extensions.triggerAction; the browser must be launched with `actionDebugging`).
 */
export async function pressToolbarButton(extension: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await extension.browser.target().createCDPSession();
  try {
    // The command wants the tab's target (not the page's); tabs are told apart by their address.
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tabs = targetInfos.filter((info) => info.url === page.url());
    if (tabs.length !== 1) throw new Error(`Expected one tab at ${page.url()}, found ${tabs.length}`);
    await cdp.send('Extensions.triggerAction', { id: extension.extensionId, targetId: tabs[0]!.targetId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The side panel's document, once the browser shows it. */
export async function sidePanel(extension: ExtensionBrowser, timeoutMs = 15_000): Promise<Page> {
  const target = await extension.browser.waitForTarget(
    (t) => t.url() === `chrome-extension://${extension.extensionId}/sidepanel.html`,
    { timeout: timeoutMs },
  );
  const page = await target.asPage();
  await page.waitForSelector('.al-panel');
  return page;
}

/** The popup's document, if the toolbar button opened it. */
export function popupTarget(extension: ExtensionBrowser) {
  return extension.browser.targets().find((t) => t.url() === `chrome-extension://${extension.extensionId}/popup.html`);
}

/** Waits until the panel's visible text satisfies `accept`, and returns it. */
export async function panelText(panel: Page, accept: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  let last = '';
  try {
    return await eventually(
      async () => {
        last = await panel.evaluate(() => document.body.innerText);
        return accept(last) ? last : undefined;
      },
      what,
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${String(error)}\nThe side panel shows:\n${last}`);
  }
}

/**
 * Saves the tab's page and the side panel side by side, as the browser window shows them, as
 * .tmp/screenshots/NAME.png. They are put together in a window of their own (another browser context), so the
 * panel keeps following the same tab.
 */
export async function screenshotWithPanel(extension: ExtensionBrowser, page: Page, panel: Page, name: string): Promise<string> {
  const [left, right] = await Promise.all([page.screenshot({ encoding: 'base64' }), panel.screenshot({ encoding: 'base64' })]);
  const size = async (p: Page) => p.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const [pageSize, panelSize] = await Promise.all([size(page), size(panel)]);
  const context = await extension.browser.createBrowserContext();
  try {
    const canvas = await context.newPage();
    await canvas.setViewport({ width: pageSize.width + 1 + panelSize.width, height: Math.max(pageSize.height, panelSize.height) });
    await canvas.setContent(
      `<body style="margin:0;display:flex;align-items:flex-start;gap:1px;background:#c7c7c7">` +
        `<img src="data:image/png;base64,${left}"><img src="data:image/png;base64,${right}"></body>`,
      { waitUntil: 'load' },
    );
    return await screenshot(canvas, name);
  } finally {
    await context.close();
  }
}

/** A page on a site Alumni Lens does not read (no content script runs there), naming an alumna all the same. */
export const newsUrl = 'https://news.example.org/design-leaders';
export const newsPage = {
  html: '<!doctype html><html lang="en"><head><title>Design leaders</title></head><body><main><h1>Design leaders</h1><p>Sofia Andersson Reyes spoke.</p></main></body></html>',
};
