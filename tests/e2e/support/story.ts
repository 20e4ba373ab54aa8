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
  const backend = await startBackend();
  await options.prepare?.(backend);
  const hosts = options.hosts ?? [...new Set(Object.keys(options.pages).map((url) => new URL(url).hostname))];
  const site = await startFixtureSite(hosts, options.pages);
  const extension = await launchWithExtension({
    hosts,
    sitePort: site.port,
    lang: options.lang,
    extraArgs: options.browserArgs,
    actionDebugging: options.actionDebugging,
  });
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
