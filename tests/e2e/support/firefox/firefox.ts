import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageName, RequestOf, ResponseOf } from '../../../../utils/messaging/protocol';
import { eventually } from '../closed-shadow';
import { firefoxExtensionDir, firefoxPath, screenshotsDir } from '../paths';
import { bidiOf, contextOf, evaluateInChrome } from './bidi';
import { startConnectProxy, type ConnectProxy } from './connect-proxy';

/** The add-on id of the Firefox build (wxt.config.ts, browser_specific_settings.gecko.id). */
export const ADDON_ID = 'alumni-lens@alumni-lens.dev';

export interface FirefoxLaunchOptions {
  /** Host names answered by the fixture site, and its loopback port. */
  hosts: string[];
  sitePort: number;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid> of the installed build. */
  origin: string;
  newPage(): Promise<Page>;
  /** Opens one of the extension's own pages (options.html…) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Sends a typed message to the worker from an extension page, as the popup and options pages do. */
  send<N extends MessageName>(type: N, payload: RequestOf<N>): Promise<ResponseOf<N>>;
  /** Presses the extension's toolbar button, as a click on it does. */
  pressToolbarButton(): Promise<void>;
  /** Whether Firefox's sidebar shows this extension's panel. */
  sidebarOpen(): Promise<boolean>;
  /** The text the sidebar's document shows (read from another extension page of the same add-on). */
  sidebarText(): Promise<string>;
  /** Clicks (a DOM click, from another page of the add-on) the element matching `selector` in the sidebar. */
  clickInSidebar(selector: string): Promise<void>;
  /** A computed style property of the first element matching `selector` in the sidebar's document. */
  sidebarStyle(selector: string, property: string): Promise<string | null>;
  /** Attribute values of the elements matching `selector` in the sidebar's document. */
  sidebarAttributes(selector: string, attribute: string): Promise<Array<string | null>>;
  /** Content's colour scheme (the `prefers-color-scheme` pages and the sidebar see). */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Saves what Firefox's window shows, the sidebar beside the tab, as .tmp/screenshots/NAME.png. */
  screenshotWindow(name: string): Promise<string>;
  dispose(): Promise<void>;
}

/**
 * Debian's Firefox ESR through puppeteer's WebDriver BiDi, with the Firefox build installed as a temporary
 * add-on and the impersonated sites reached through a local proxy. Privileged access (MOZ_REMOTE_ALLOW_SYSTEM_ACCESS)
 * lets the tests open the add-on's pages and press its toolbar button; the add-on's uuid is fixed by a pref
 * so its pages have a known address; optional permissions are granted without a prompt
 * (extensions.webextOptionalPermissionPrompts), as a user clicking "Allow" would.
 */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<FirefoxWithExtension> {
  const proxy: ConnectProxy = await startConnectProxy(options.hosts, options.sitePort);
  const uuid = randomUUID();
  const profile = await mkdtemp(join(tmpdir(), 'e2e-firefox-'));
  // Japanese text in IPAPGothic, whose Latin letters are proportional: fontconfig's first choice here,
  // IPAGothic, sets "Sofia" in fixed-width letters, which no Japanese desktop does.
  const fonts = join(profile, 'fonts.conf');
  await writeFile(
    fonts,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
      `<match target="pattern"><test name="lang" compare="contains"><string>ja</string></test>` +
      `<edit name="family" mode="prepend" binding="strong"><string>IPAPGothic</string></edit></match></fontconfig>`,
  );
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      userDataDir: profile,
      acceptInsecureCerts: true,
      defaultViewport: { width: 1100, height: 800 },
      env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', FONTCONFIG_FILE: fonts },
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
        'extensions.webextOptionalPermissionPrompts': false,
        // No experiments or remote settings to fetch at start (there is no internet here).
        'messaging-system.rsexperimentloader.enabled': false,
        'app.normandy.enabled': false,
        'browser.region.network.url': '',
      },
    });
  } catch (error) {
    await proxy.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  await browser.installExtension(firefoxExtensionDir);
  const origin = `moz-extension://${uuid}`;
  // A desktop-sized window, its sidebar as wide as Chromium's side panel beside a 1100 px page.
  await evaluateInChrome(browser, `window.resizeTo(1460, 940); document.getElementById('sidebar-box').style.width = '360px'; true`);

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    const url = `${origin}/${path}`;
    // Puppeteer's goto waits for events Firefox does not send when a tab moves into the extension's process.
    await bidiOf(browser).send('browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
    await eventually(
      async () => ((await page.evaluate(() => [location.href, document.readyState])).join() === `${url},complete` ? true : undefined),
      `${path} to load`,
      20_000,
      100,
    );
    return page;
  }

  let control: Page | undefined;
  const controlPage = async () => (control ??= await openExtensionPage('popup.html'));

  const chrome = (expression: string) => evaluateInChrome(browser, expression);
  const sidebarBrowser = `document.getElementById('sidebar')?.contentDocument?.getElementById('webext-panels-browser')`;

  return {
    browser,
    origin,
    newPage: () => browser.newPage(),
    openExtensionPage,
    async send(type, payload) {
      const page = await controlPage();
      const reply = await page.evaluate(
        (message) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(message),
        { type, payload },
      );
      if (reply && typeof reply === 'object' && 'failure' in reply) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
      return reply as ResponseOf<typeof type>;
    },
    async pressToolbarButton() {
      // What Firefox runs for a click on the button (or its keyboard shortcut): the action's click handling.
      await chrome(`(() => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(ADDON_ID)});
        ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
      })()`);
    },
    async sidebarOpen() {
      return (await chrome(`SidebarController.isOpen && String(SidebarController.currentID).includes('alumni-lens')`)) === true;
    },
    async sidebarText() {
      const page = await controlPage();
      return page.evaluate(() => {
        const views = (globalThis as unknown as { browser: { extension: { getViews(f: object): Window[] } } }).browser.extension.getViews({ type: 'sidebar' });
        return views.map((view) => view.document.body.innerText).join('\n');
      });
    },
    async clickInSidebar(selector) {
      const page = await controlPage();
      const clicked = await page.evaluate((s) => {
        const views = (globalThis as unknown as { browser: { extension: { getViews(f: object): Window[] } } }).browser.extension.getViews({ type: 'sidebar' });
        const element = views[0]?.document.querySelector<HTMLElement>(s);
        element?.click();
        return Boolean(element);
      }, selector);
      if (!clicked) throw new Error(`No ${selector} in the sidebar`);
    },
    async sidebarStyle(selector, property) {
      const page = await controlPage();
      return page.evaluate(
        (s, p) => {
          const views = (globalThis as unknown as { browser: { extension: { getViews(f: object): Window[] } } }).browser.extension.getViews({ type: 'sidebar' });
          const element = views[0]?.document.querySelector(s);
          return element ? views[0]!.getComputedStyle(element).getPropertyValue(p) : null;
        },
        selector,
        property,
      );
    },
    async sidebarAttributes(selector, attribute) {
      const page = await controlPage();
      return page.evaluate(
        (s, a) => {
          const views = (globalThis as unknown as { browser: { extension: { getViews(f: object): Window[] } } }).browser.extension.getViews({ type: 'sidebar' });
          return views.flatMap((view) => Array.from(view.document.querySelectorAll(s)).map((el) => el.getAttribute(a)));
        },
        selector,
        attribute,
      );
    },
    async setColorScheme(scheme) {
      // The system's appearance, as a desktop in dark mode reports it: Firefox's own UI (the sidebar's extension
      // page follows it) and the pages ("Website appearance": 0 dark, 1 light).
      const dark = scheme === 'dark';
      await chrome(`Services.prefs.setIntPref('ui.systemUsesDarkTheme', ${dark ? 1 : 0});
        Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${dark ? 0 : 1}); true`);
    },
    async screenshotWindow(name) {
      // Firefox draws each part (the sidebar's document, the tab's page) on request; they are put side by side
      // as the window shows them: the sidebar on the left.
      const dataUrl = (await chrome(`(async () => {
        const sidebar = ${sidebarBrowser};
        const parts = [];
        for (const target of [sidebar, gBrowser.selectedBrowser]) {
          if (target?.browsingContext?.currentWindowGlobal) parts.push(await target.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white'));
        }
        const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
        canvas.width = parts.reduce((sum, part) => sum + part.width + 1, 0);
        canvas.height = Math.max(...parts.map((part) => part.height));
        const context = canvas.getContext('2d');
        context.fillStyle = '#cfcfd8';
        context.fillRect(0, 0, canvas.width, canvas.height);
        let x = 0;
        for (const part of parts) {
          context.drawImage(part, x, 0);
          x += part.width + 1;
        }
        return canvas.toDataURL('image/png');
      })()`)) as string;
      const path = join(screenshotsDir, `${name}.png`);
      await writeFile(path, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
      return path;
    },
    async dispose() {
      await browser.close().catch(() => undefined);
      await proxy.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
