import { mkdtemp, readFile, rm, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server';
import { startDemoServer } from '../support/demo-server';
import { tokens } from './support/api';
import { eventually } from './support/closed-shadow';
import type { InBrowser } from './support/extension';
import { extensionDir } from './support/paths';
import { screenshot } from './support/screenshots';
import { canIsolatePolicy, chromiumWithPolicy, packCrx, updateManifest } from './support/self-hosted';

// docs/deploy.md, "Self-hosted" — tried as IT would: the production build packed into a CRX with the
// company's key, the backend serving the update manifest and the CRX (EXTENSION_DIR), and Chromium told by a
// machine policy file to force-install it and to preconfigure it (3rdparty managed storage). No --load-extension:
// the browser installs the extension itself. The policy file is seen by this test's Chromium only (a private
// /etc/chromium in a mount namespace), so browsers of other tests on the machine are untouched.

const isolated = canIsolatePolicy();
const version = (JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as { version: string }).version;

let work: string;
let server: RunningServer;
let browser: Browser;
let id: string;

beforeAll(async () => {
  if (!isolated) return;
  work = await mkdtemp(join(tmpdir(), 'self-hosted-'));
  const packed = packCrx(extensionDir, work);
  id = packed.id;
  const served = join(work, 'served');
  await mkdir(served);
  await copyFile(packed.crx, join(served, 'alumni-lens.crx'));
  // The backend lets through this build's origin only, as a deployment does with --extension-origin (docs/deploy.md).
  server = await startDemoServer({ extensionDir: served, extensionOrigins: [`chrome-extension://${id}`] });
  await writeFile(join(served, 'updates.xml'), updateManifest(id, `${server.url}/extension/alumni-lens.crx`, version));

  const executablePath = chromiumWithPolicy(work, {
    ExtensionInstallForcelist: [`${id};${server.url}/extension/updates.xml`],
    '3rdparty': { extensions: { [id]: { apiUrl: server.url, token: tokens.recruiter } } },
    // Chromium keeps DevTools away from policy-installed extensions unless told otherwise; the test reads the
    // worker through DevTools. A real deployment leaves this out.
    DeveloperToolsAvailability: 1,
  });
  browser = await puppeteer.launch({
    executablePath,
    headless: true,
    enableExtensions: true,
    userDataDir: join(work, 'profile'),
    // Force-installs are fetched by the extension updater, which --disable-background-networking stops.
    ignoreDefaultArgs: ['--disable-background-networking'],
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-component-update', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!isolated)('An IT department deploying a self-hosted build by policy', () => {
  it('serves the update manifest and the CRX from the backend, and nothing else from that folder', async () => {
    const manifest = await fetch(`${server.url}/extension/updates.xml`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await manifest.text()).toContain(`appid='${id}'`);
    const crx = await fetch(`${server.url}/extension/alumni-lens.crx`);
    expect(crx.headers.get('content-type')).toBe('application/x-chrome-extension');
    expect(Buffer.from(await crx.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('Cr24');
    for (const path of ['alumni-lens.pem', '..%2Fprofile', 'alumni-lens/manifest.json']) {
      expect((await fetch(`${server.url}/extension/${path}`)).status, path).toBe(404);
    }
  });

  it('gets the extension installed by Chromium itself, configured for the backend by policy, and synced', async () => {
    const target = await browser.waitForTarget((t) => t.url().startsWith(`chrome-extension://${id}/`), { timeout: 120_000 });
    expect(target.url()).toBe(`chrome-extension://${id}/background.js`);
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${id}/manifest.json`);
    const status = await eventually(
      async () => {
        const s = (await page.evaluate(() => (globalThis as unknown as InBrowser).chrome.runtime.sendMessage({ type: 'ui:get-status', payload: {} }))) as {
          configSource: string;
          me: { user: { role: string } } | null;
          directorySize: number;
          sync: { lastSuccessAt: number | null };
        };
        return s.sync.lastSuccessAt ? s : undefined;
      },
      'the policy-configured extension to sync',
      60_000,
    );
    expect(status.configSource).toBe('managed');
    expect(status.me?.user.role).toBe('recruiter');
    expect(status.directorySize).toBeGreaterThan(10);

    // What the user sees: chrome://extensions says the browser is managed and the extension is installed by policy.
    await page.goto('chrome://extensions');
    await page.setViewport({ width: 900, height: 600 });
    // The page is built of nested shadow roots; puppeteer's text selectors look inside them.
    await page.waitForSelector('::-p-text(managed by your organization)', { timeout: 30_000 });
    await page.waitForSelector('::-p-text(Alumni Lens)', { timeout: 30_000 });
    await screenshot(page, 'deploy-chrome-extensions-policy');
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.waitForFunction(() => document.body.innerText.includes('Kenji Watanabe') || document.body.innerText.length > 200);
    await screenshot(page, 'deploy-options-policy');
  });
});
