import type { Page } from 'puppeteer-core';
import { startBackend, type Backend } from '../backend';
import { eventually } from '../closed-shadow';
import { startFixtureSite, type FixtureSite, type Page as SitePage } from '../fixture-site';
import { BidiShadow } from './bidi-shadow';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';

/** One Firefox story file's world: the backend, the impersonated sites, Firefox with the add-on, configured. */
export interface FirefoxStory {
  backend: Backend;
  site: FixtureSite;
  firefox: FirefoxWithExtension;
  /** The add-on's options page, as the user left it after connecting. */
  options: Page;
  /** Opens a tab on `url` (it becomes the active tab) with the closed-shadow reader for it. */
  open(url: string): Promise<{ page: Page; shadow: BidiShadow }>;
  dispose(): Promise<void>;
}

/**
 * Starts the backend and the sites, launches Firefox ESR with the add-on, connects it through its options
 * page as a user does (Save asks for the backend origin's permission, which the test profile grants without
 * a prompt) and waits for the first sync.
 */
export async function startFirefoxStory(options: { token: string; pages: Record<string, SitePage> }): Promise<FirefoxStory> {
  const backend = await startBackend();
  const hosts = [...new Set(Object.keys(options.pages).map((url) => new URL(url).hostname))];
  const site = await startFixtureSite(hosts, options.pages);
  const firefox = await launchFirefoxWithExtension({ hosts, sitePort: site.port });
  const optionsPage = await firefox.openExtensionPage('options.html');
  await optionsPage.waitForSelector('input[name="apiUrl"]');
  await optionsPage.type('input[name="apiUrl"]', backend.url);
  await optionsPage.type('input[name="token"]', options.token);
  await optionsPage.click('button[type="submit"]');
  await optionsPage.waitForFunction(() => document.body.innerText.includes('Saved. Syncing the directory now.'), { timeout: 20_000 });
  await eventually(
    async () => {
      const status = await firefox.send('ui:get-status', {});
      return status.sync.state === 'idle' && status.sync.lastSuccessAt ? status : undefined;
    },
    'the first sync in Firefox',
    60_000,
    250,
  );
  return {
    backend,
    site,
    firefox,
    options: optionsPage,
    async open(url) {
      const page = await firefox.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return { page, shadow: new BidiShadow(firefox.browser, page) };
    },
    async dispose() {
      await firefox.dispose();
      await site.close();
      await backend.dispose();
    },
  };
}
