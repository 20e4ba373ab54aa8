import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDir } from './build';
import { expectedExtensionId } from './extension-origin';
import { chromiumPath, extensionDir } from './paths';

export interface LaunchOptions {
  /** Host names answered by the fixture site, and its loopback port. */
  hosts: string[];
  sitePort: number;
  /** Reuse a profile (browser restart); a fresh one is made otherwise. */
  userDataDir?: string;
  /** The browser's UI language (the extension follows it unless told otherwise). */
  lang?: string;
  /** Which build to load; the production one by default. */
  extensionDir?: string;
  /** More Chromium switches (e.g. a network log). */
  extraArgs?: string[];
  /**
   * Lets the tests press the extension's toolbar button (DevTools' Extensions.triggerAction, which needs the
   * pipe transport and --enable-unsafe-extension-debugging), and gives the window a real size, so the side
   * panel it opens is as tall as a desktop one.
   */
  actionDebugging?: boolean;
}

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker, waking it (or waiting for it to start) first. */
  worker(): Promise<WebWorker>;
  /** A new tab. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
  /** Closes the browser and removes its profile. */
  dispose(): Promise<void>;
}

const workerUrlSuffix = '/background.js';

/**
 * Debian's Chromium with the production build of the extension loaded, believing that `hosts` are the
 * real sites (they resolve to the local fixture server).
 */
export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'e2e-profile-')));
  // The impersonated sites resolve to the fixture server; every other name fails at once (no internet here,
  // and the saved pages reference CDNs that would otherwise stall each load), loopback stays reachable.
  const hostRules = [
    ...options.hosts.map((host) => `MAP ${host} 127.0.0.1:${options.sitePort}`),
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
    'EXCLUDE localhost',
  ].join(',');
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    userDataDir,
    enableExtensions: true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1366, height: 900 },
    ...(options.actionDebugging ? { pipe: true } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${hostRules}`,
      `--disable-extensions-except=${options.extensionDir ?? extensionDir}`,
      `--load-extension=${options.extensionDir ?? extensionDir}`,
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      ...(options.extraArgs ?? []),
      ...(options.actionDebugging ? ['--enable-unsafe-extension-debugging', '--window-size=1366,1000'] : []),
    ],
    env: { ...process.env, ...(options.lang ? { LANGUAGE: options.lang } : {}) },
  });
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://') && t.url().endsWith(workerUrlSuffix),
    { timeout: 60_000 },
  );
  const extensionId = new URL(target.url()).host;
  // The backend's CORS list is made from these ids (extension-origin.ts): say so at once if Chromium disagrees.
  const loaded = options.extensionDir ?? extensionDir;
  const mode = loaded === buildDir('development') ? 'development' : loaded === buildDir('production') ? 'production' : undefined;
  if (mode && extensionId !== expectedExtensionId(mode)) {
    await browser.close();
    throw new Error(`Chromium gave the ${mode} build the id ${extensionId}, not ${expectedExtensionId(mode)} as extension-origin.ts computes`);
  }

  const worker = async (): Promise<WebWorker> => {
    const existing = browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`));
    if (existing) {
      // Chromium may stop an idle worker between the lookup and the attach: then wake it below.
      const handle = await existing.worker().catch(() => null);
      if (handle) return handle;
    }
    // A stopped worker starts again when something needs it: open an extension page to wake it.
    const page = await browser.newPage();
    try {
      const woken = browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
        { timeout: 60_000 },
      );
      await page.goto(`chrome-extension://${extensionId}/manifest.json`);
      const handle = await (await woken).worker();
      if (!handle) throw new Error('The extension service worker did not start');
      return handle;
    } finally {
      await page.close();
    }
  };

  return {
    browser,
    extensionId,
    userDataDir,
    worker,
    newPage: () => browser.newPage(),
    close: () => browser.close(),
    dispose: async () => {
      await browser.close().catch(() => undefined);
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
