import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumnusId, introductionsFor, tokens } from './support/api';
import { startBackend, type Backend } from './support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { ClosedShadow, eventually } from './support/closed-shadow';
import { configureExtension, ExtensionControl, stopWorker } from './support/extension';
import { startFixtureSite, type FixtureSite } from './support/fixture-site';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { screenshot } from './support/screenshots';
import { sidebarShown, sidebarText } from './support/ui';

// Principle 2: nothing logged is ever lost or doubled — across a backend outage, the worker being
// terminated and the whole browser restarting.

let backend: Backend;
let site: FixtureSite;
let extension: ExtensionBrowser | undefined;
let userDataDir: string;

beforeAll(async () => {
  backend = await startBackend();
  site = await startFixtureSite(Object.keys(linkedinPages).map((url) => new URL(url).hostname), linkedinPages);
});

afterAll(async () => {
  await extension?.close().catch(() => undefined);
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  await site?.close();
  await backend?.dispose();
});

function launch(profile?: string): Promise<ExtensionBrowser> {
  return launchWithExtension({ hosts: site.hosts, sitePort: site.port, userDataDir: profile });
}

describe('An introduction logged while the backend is down', () => {
  it('is kept through worker termination and a browser restart, and arrives exactly once when the backend is back', async () => {
    const sofiaId = await alumnusId(backend.url, 'Sofia Andersson Reyes');
    extension = await launch();
    userDataDir = extension.userDataDir;
    await configureExtension(extension, { apiUrl: backend.url, token: tokens.recruiter });
    const control = await ExtensionControl.open(extension);
    await control.waitForSync();

    const page = await extension.newPage();
    await page.goto(linkedin.sofia, { waitUntil: 'load' });
    const shadow = await ClosedShadow.attach(page);
    const sidebar = await sidebarShown(shadow);

    await backend.stop();
    await shadow.select(sidebar, '.al-intro-form select', 'rehire');
    await shadow.type(sidebar, '.al-intro-form textarea', 'Asked about coming back as Design Lead');
    await shadow.click(sidebar, '.al-intro-form button[type="submit"]');
    await sidebarText(shadow, (t) => t.includes('Saved. It will be sent to the backend as soon as it can be reached.'), 'the introduction to show as queued');
    expect(await shadow.attributes(sidebar, '.al-intro-form', 'data-state')).toEqual(['queued']);
    await screenshot(page, 'introduction-queued');
    expect((await control.send('ui:get-status', {})).pendingOutbox).toBe(1);

    // Chrome stops an idle worker at any time (stopWorker proves the old one is gone; the open sidebar's
    // status polling may start a fresh one at once); then the user quits the browser.
    await stopWorker(extension);
    await extension.close();

    extension = await launch(userDataDir);
    const afterRestart = await ExtensionControl.open(extension);
    expect((await afterRestart.send('ui:get-status', {})).pendingOutbox).toBe(1);
    // The backend is still down: nothing could have been delivered yet.
    expect(await introductionsFor(backend.url, sofiaId).catch(() => 'unreachable')).toBe('unreachable');

    await backend.start();
    const arrived = await eventually(
      async () => {
        const held = await introductionsFor(backend.url, sofiaId);
        return held.length > 0 ? held : undefined;
      },
      'the queued introduction to reach the backend',
      120_000,
      1000,
    );
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ alumnusId: sofiaId, kind: 'rehire', note: 'Asked about coming back as Design Lead' });

    await eventually(
      async () => ((await afterRestart.send('ui:get-status', {})).pendingOutbox === 0 ? true : undefined),
      'the outbox to be empty',
      30_000,
      500,
    );
    // Later retries, a sync, or another restart never send it twice.
    await afterRestart.send('ui:sync-now', {});
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await introductionsFor(backend.url, sofiaId)).toHaveLength(1);
  });
});

describe('An introduction the backend could not take for 7 days', () => {
  it('becomes "not sent" in the popup and on the options page, with Retry (arrives once)', async () => {
    const sofiaId = await alumnusId(backend.url, 'Sofia Andersson Reyes');
    await extension?.close().catch(() => undefined);
    extension = await launch();
    const browser = extension;
    await configureExtension(browser, { apiUrl: backend.url, token: tokens.recruiter });
    const control = await ExtensionControl.open(browser);
    await control.waitForSync();
    const before = (await introductionsFor(backend.url, sofiaId)).length;

    const page = await browser.newPage();
    await page.goto(linkedin.sofia, { waitUntil: 'load' });
    const shadow = await ClosedShadow.attach(page);
    const sidebar = await sidebarShown(shadow);
    await backend.stop();
    await shadow.type(sidebar, '.al-intro-form textarea', 'Week-long outage at the backend');
    await shadow.click(sidebar, '.al-intro-form button[type="submit"]');
    await sidebarText(shadow, (t) => t.includes('Saved. It will be sent'), 'the introduction to show as queued');

    // Eight days pass (the item's clock is moved back in the worker's own database), and the retry alarm fires.
    const worker = await browser.worker();
    await worker.evaluate(async (eightDays) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('alumni-lens');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const store = db.transaction('outbox', 'readwrite').objectStore('outbox');
      const items = await new Promise<Array<{ createdAt: number; nextAttemptAt?: number }>>((resolve) => {
        const all = store.getAll();
        all.onsuccess = () => resolve(all.result);
      });
      for (const item of items) store.put({ ...item, createdAt: item.createdAt - eightDays, nextAttemptAt: Date.now() });
      await new Promise((resolve) => (store.transaction.oncomplete = resolve));
      db.close();
      const { chrome } = globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } } };
      await chrome.alarms.create('alumni-lens:outbox', { when: Date.now() + 100 });
    }, 8 * 24 * 60 * 60 * 1000);
    const failed = await eventually(
      async () => {
        const status = await control.send('ui:get-status', {});
        return status.failedOutbox.length === 1 ? status.failedOutbox[0] : undefined;
      },
      'the item to give up',
      30_000,
      500,
    );
    expect(failed).toMatchObject({ kind: 'introduction', state: 'failed', stopped: 'expired' });
    expect((await control.send('ui:get-status', {})).pendingOutbox).toBe(0);

    const popup = await browser.newPage();
    await popup.setViewport({ width: 420, height: 700 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const popupText = await eventually(
      async () => {
        // textContent: the section title is upper-cased by CSS in innerText.
        const text = await popup.evaluate(() => document.body.textContent ?? '');
        return text.includes('Could not be sent for 7 days.') ? text : undefined;
      },
      'the popup to list the item',
    );
    expect(popupText).toContain('Not sent (1)');
    expect(popupText).toContain('Introduction about Sofia Andersson Reyes');
    await popup.evaluate(() => document.querySelector('#al-popup-failed')?.scrollIntoView());
    await screenshot(popup, 'popup-outbox-not-sent');

    const options = await browser.newPage();
    await options.setViewport({ width: 900, height: 1100 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await eventually(async () => ((await options.evaluate(() => document.body.innerText)).includes('Could not be sent for 7 days.') ? true : undefined), 'the options page to list the item');
    await options.evaluate(() => document.querySelector('#al-options-failed')?.scrollIntoView());
    await screenshot(options, 'options-outbox-not-sent');

    // Retry with the backend back: it arrives, once, and the lists are empty.
    await backend.start();
    // The popup's tab went to the background when the options page opened: bring it back, as the user would.
    await popup.bringToFront();
    const retry = await popup.waitForSelector('button[aria-label^="Retry: Introduction"]');
    await retry!.click();
    const arrived = await eventually(
      async () => {
        const held = await introductionsFor(backend.url, sofiaId);
        return held.length > before ? held : undefined;
      },
      'the retried introduction to reach the backend',
      60_000,
      1000,
    );
    expect(arrived.filter((i) => i.note === 'Week-long outage at the backend')).toHaveLength(1);
    await eventually(async () => ((await popup.evaluate(() => document.body.textContent ?? '')).includes('Not sent') ? undefined : true), 'the popup to drop the item');
    expect((await control.send('ui:get-status', {})).failedOutbox).toEqual([]);
  }, 240_000);
});
