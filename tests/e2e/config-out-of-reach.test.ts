import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './support/api';
import { eventually } from './support/closed-shadow';
import { stopWorker } from './support/extension';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { startStory, type Story } from './support/story';
import { sidebarShown } from './support/ui';

// A content script runs beside the host page; in a compromised renderer its isolated world is the attacker's.
// From there it must neither read the backend token nor point the worker at another backend. The test runs
// code in the extension's isolated world on a LinkedIn page (through the DevTools protocol, as such an
// attacker would have it) and watches a second server that plays the attacker's backend.

let story: Story;
let attacker: Server;
let attackerUrl: string;
const attackerRequests: string[] = [];

beforeAll(async () => {
  story = await startStory({ token: tokens.recruiter, pages: linkedinPages });
  attacker = createServer((request, response) => {
    attackerRequests.push(`${request.method} ${request.url}`);
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await story?.dispose();
  await new Promise((resolve) => attacker?.close(resolve));
});

/** The extension's isolated world in the page's main frame: where its content script runs. */
async function isolatedWorld(page: Page, extensionId: string): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await page.createCDPSession();
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable'); // reports every existing context first
  const context = await eventually(
    async () => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`),
    'the extension’s isolated world on the page',
  );
  return { cdp, contextId: context.id };
}

/** Runs `expression` (awaited) in the isolated world and answers its JSON, or the error it threw. */
async function inContentScript(world: { cdp: CDPSession; contextId: number }, expression: string): Promise<string> {
  const { result, exceptionDetails } = await world.cdp.send('Runtime.evaluate', {
    expression: `(async () => { try { return JSON.stringify(await (${expression})) ?? 'undefined'; } catch (error) { return 'threw: ' + String(error); } })()`,
    contextId: world.contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return String(result.value);
}

describe('code in the content script’s isolated world on LinkedIn', () => {
  it('cannot read the token, from extension storage, IndexedDB or the worker', async () => {
    const { page, shadow } = await story.open(linkedin.sofia);
    await sidebarShown(shadow); // the content script ran here
    const world = await isolatedWorld(page, story.extension.extensionId);
    expect(await inContentScript(world, 'typeof chrome.runtime.sendMessage')).toBe('"function"'); // it is the content script's world

    const reads = [
      await inContentScript(world, 'chrome.storage.local.get(null)'),
      await inContentScript(world, 'chrome.storage.sync.get(null)'),
      await inContentScript(world, 'chrome.storage.session.get(null)'),
      // Its IndexedDB is the page's origin, not the extension's.
      await inContentScript(world, 'indexedDB.databases()'),
      await inContentScript(world, `new Promise((resolve, reject) => { const r = indexedDB.open('alumni-lens-trusted'); r.onsuccess = () => { const db = r.result; resolve(db.objectStoreNames.length ? 'has stores' : 'empty'); db.close(); indexedDB.deleteDatabase('alumni-lens-trusted'); }; r.onerror = () => reject(r.error); })`),
      await inContentScript(world, `chrome.runtime.sendMessage({ type: 'ui:get-connection', payload: {} })`),
      await inContentScript(world, `chrome.runtime.sendMessage({ type: 'ui:get-status', payload: {} })`),
    ];
    for (const read of reads) {
      expect(read).not.toContain(tokens.recruiter);
      expect(read).not.toContain(story.backend.url);
    }
    expect(reads[4]).toBe('"empty"');
    expect(reads[5]).toMatch(/not allowed from this sender/);
    await page.close();
  });

  it('cannot make the worker use another backend: not by writing storage, not by asking it, not across a worker restart', async () => {
    const { page, shadow } = await story.open(linkedin.sofia);
    await sidebarShown(shadow);
    const world = await isolatedWorld(page, story.extension.extensionId);
    const evil = JSON.stringify({ apiUrl: attackerUrl, token: 'attacker-token' });
    const attempts = [
      // What the options page of earlier releases wrote, with the storage item's version beside it.
      await inContentScript(world, `chrome.storage.local.set({ config: ${evil}, config$: { v: 2 } })`),
      await inContentScript(world, `chrome.storage.sync.set({ config: ${evil} })`),
      await inContentScript(world, `chrome.runtime.sendMessage({ type: 'ui:save-connection', payload: ${evil} })`),
      await inContentScript(world, `chrome.runtime.sendMessage({ type: 'ui:test-connection', payload: ${evil} })`),
    ];
    expect(attempts[2]).toMatch(/not allowed from this sender/);
    expect(attempts[3]).toMatch(/not allowed from this sender/);

    // The worker syncs (asked by the popup), then is stopped and woken, and syncs again: only ever with the real backend.
    const before = Date.now();
    await story.control.send('ui:sync-now', {});
    await story.control.waitForSync(before);
    await stopWorker(story.extension);
    const afterRestart = Date.now();
    await story.control.send('ui:sync-now', {});
    const status = await story.control.waitForSync(afterRestart);
    expect(status.me?.user.name).toBe('Kenji Watanabe');
    expect(await story.control.send('ui:get-connection', {})).toEqual({ apiUrl: story.backend.url, token: tokens.recruiter, locked: [] });
    expect(attackerRequests).toEqual([]);
    await page.close();
  });
});
