// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStoredPageSettings, type StoredPageSettings } from '../../../utils/background/stored-page-settings';
import type { BackgroundWorker } from '../../../utils/background/worker';
import { DEFAULT_SETTINGS, settingsItem } from '../../../utils/config';
import { configure, contentScriptSender, freshProfile, send, startWorker } from './support/harness';

// page:get-settings is answered from the worker's memory (issue 11): each of these changes must still show in the
// very next answer, as the next page load would ask for it.

let worker: BackgroundWorker;

beforeEach(async () => {
  freshProfile();
  worker = startWorker();
  await worker.ready;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await worker.stop();
});

const askSettings = () => send('page:get-settings', { site: 'linkedin' }, contentScriptSender());

/**
 * The first answer of a worker also moves a connection from before the trusted store (legacy-config.ts), which
 * removes that key from local storage: a change, so the second answer reads again; from then on, memory.
 */
async function askUntilSettled() {
  await askSettings();
  await askSettings();
}

describe("the worker's answer to page:get-settings", () => {
  it('reads storage once for many pages', async () => {
    await askUntilSettled();
    const localReads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const managedReads = vi.spyOn(fakeBrowser.storage.managed, 'get');
    await askSettings();
    await askSettings();
    expect(localReads).not.toHaveBeenCalled();
    expect(managedReads).not.toHaveBeenCalled();
  });

  it('turns a site off at once when the options page writes the settings straight into storage', async () => {
    expect((await askSettings()).enabled).toBe(true);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, sites: { linkedin: false } });
    expect((await askSettings()).enabled).toBe(false);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, lang: 'ja' });
    expect(await askSettings()).toMatchObject({ enabled: true, lang: 'ja' });
  });

  it("follows the enterprise policy's display mode and connection at once", async () => {
    expect(await askSettings()).toMatchObject({ display: 'in-page', configured: false });
    await fakeBrowser.storage.managed.set({ display: 'side-panel' });
    expect((await askSettings()).display).toBe('side-panel');
    await fakeBrowser.storage.managed.set({ apiUrl: 'https://alumni.corp.example/', token: 'policy-token' });
    expect((await askSettings()).configured).toBe(true);
  });

  it('is configured at once when the user saves a connection', async () => {
    expect((await askSettings()).configured).toBe(false);
    await configure('https://alumni.example.org/', 'recruiter-token');
    expect((await askSettings()).configured).toBe(true);
  });

  it('keeps the collapsed sidebar the content script just reported', async () => {
    await askSettings();
    await send('page:set-collapsed', { site: 'linkedin', collapsed: true }, contentScriptSender());
    expect((await askSettings()).collapsed).toBe(true);
  });

  it('is not read again for session storage, which every page load writes', async () => {
    await askUntilSettled();
    const localReads = vi.spyOn(fakeBrowser.storage.local, 'get');
    await fakeBrowser.storage.session.set({ listeningTabs: [7, 8] });
    await askSettings();
    expect(localReads).not.toHaveBeenCalled();
  });
});

describe('createStoredPageSettings', () => {
  const stored: StoredPageSettings = { settings: DEFAULT_SETTINGS, display: { mode: 'in-page', locked: false }, configured: true };

  it('asks again after a failed read instead of keeping the failure', async () => {
    const read = vi.fn<() => Promise<StoredPageSettings>>().mockRejectedValueOnce(new Error('storage unavailable')).mockResolvedValue(stored);
    const source = createStoredPageSettings(read);
    await expect(source.get()).rejects.toThrow('storage unavailable');
    await expect(source.get()).resolves.toEqual(stored);
    await source.get();
    expect(read).toHaveBeenCalledTimes(2);
    source.dispose();
  });

  it('stops listening when disposed', async () => {
    const read = vi.fn(async () => stored);
    const source = createStoredPageSettings(read);
    await source.get();
    source.dispose();
    await fakeBrowser.storage.local.set({ settings: DEFAULT_SETTINGS });
    await source.get();
    expect(read).toHaveBeenCalledTimes(1);
  });
});
