import type { Page } from 'puppeteer-core';
import { startBackend, type Backend } from './backend';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { configureExtension, ExtensionControl } from './extension';
import { startFixtureSite, type FixtureSite, type Page as SitePage } from './fixture-site';
import { ClosedShadow } from './closed-shadow';

/** Everything one test file drives: the backend, the impersonated sites, one browser with the extension. */
export interface Story {
  backend: Backend;
  site: FixtureSite;
  extension: ExtensionBrowser;
  control: ExtensionControl;
  /** Opens a tab on `url` and attaches the closed-shadow reader to it. */
  open(url: string): Promise<{ page: Page; shadow: ClosedShadow }>;
  dispose(): Promise<void>;
}

export interface StoryOptions {
  token: string;
  pages: Record<string, SitePage>;
  hosts?: string[];
  /** Put the extension in front of this URL instead of the backend (e.g. a corrupting proxy). */
  apiUrl?: (backend: Backend) => Promise<string>;
  lang?: string;
  /** More Chromium switches. */
  browserArgs?: string[];
  /** Runs once the backend is up, before the extension is configured (e.g. loads a large directory). */
  prepare?: (backend: Backend) => Promise<void>;
  /** How long the first sync may take (default 30 s). */
  syncTimeoutMs?: number;
  /** See LaunchOptions.actionDebugging (the toolbar button, for the side panel's stories). */
  actionDebugging?: boolean;
}

/** Starts the backend and the sites, launches Chromium with the extension, configures it and waits for its first sync. */
export async function startStory(options: StoryOptions): Promise<Story> {
  const hosts = options.hosts ?? [...new Set(Object.keys(options.pages).map((url) => new URL(url).hostname))];
  const site = await startFixtureSite(hosts, options.pages);
  const launch = () =>
    launchWithExtension({ hosts, sitePort: site.port, lang: options.lang, extraArgs: options.browserArgs, actionDebugging: options.actionDebugging });
  // The backend and Chromium start side by side (about 1.5 s each). After a `prepare` (minutes for a large directory)
  // Chromium starts last: its worker, idle that long, would have been stopped.
  const starting = startBackend();
  const launching = options.prepare ? undefined : launch();
  const started = await Promise.allSettled([starting, launching]);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.allSettled([starting.then((b) => b.dispose()), launching?.then((e) => e.dispose()), site.close()]);
    throw failed.reason;
  }
  const backend = await starting;
  await options.prepare?.(backend);
  const extension = (await launching) ?? (await launch());
  const apiUrl = options.apiUrl ? await options.apiUrl(backend) : backend.url;
  await configureExtension(extension, { apiUrl, token: options.token });
  const control = await ExtensionControl.open(extension);
  await control.waitForSync(0, options.syncTimeoutMs);
  const opened: ClosedShadow[] = [];
  return {
    backend,
    site,
    extension,
    control,
    async open(url) {
      const page = await extension.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const shadow = await ClosedShadow.attach(page);
      opened.push(shadow);
      return { page, shadow };
    },
    async dispose() {
      for (const shadow of opened) await shadow.detach();
      await extension.dispose();
      await site.close();
      await backend.dispose();
    },
  };
}
