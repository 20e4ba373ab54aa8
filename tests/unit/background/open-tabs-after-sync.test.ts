// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundWorker } from '../../../utils/background/worker';
import { configure, contentScriptSender, freshProfile, send, startWorker, syncNow } from './support/harness';
import { alumnus, me, offer } from './support/records';
import { type ScriptedBackend, startScriptedBackend } from './support/scripted-backend';

// No reload after a sync (issue 8): the tabs of supported sites that asked the worker for their settings
// are told when a sync changed the directory — above all the first sync after configuration — so their
// content scripts read and match the page again. A sync that changed nothing tells nobody.

let backend: ScriptedBackend;
let worker: BackgroundWorker;
let sent: Array<{ tabId: number; message: unknown }>;
let unreachable: Set<number>;

beforeEach(async () => {
  freshProfile();
  sent = [];
  unreachable = new Set();
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown) => {
    if (unreachable.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
    sent.push({ tabId, message });
    return { ok: true };
  }) as never);
  backend = await startScriptedBackend();
  backend.upsert('directory', alumnus('E2001'));
  worker = startWorker();
});

afterEach(async () => {
  await worker.stop();
  await backend.close();
  vi.restoreAllMocks();
});

const dataChanged = (tabId: number) =>
  sent.filter((entry) => entry.tabId === tabId && (entry.message as { type?: string }).type === 'tab:data-changed');

describe('open tabs after a sync', () => {
  it('a tab opened before the extension was configured hears about the first sync', async () => {
    // The profile is open; its script asks for settings and learns the extension is not configured.
    expect(await send('page:get-settings', { site: 'linkedin' }, contentScriptSender(11))).toMatchObject({ configured: false });
    await configure(backend.url, 'recruiter-token');
    await syncNow(worker);
    await vi.waitFor(() => expect(dataChanged(11)).toHaveLength(1));
    expect(dataChanged(11)[0]?.message).toEqual({ type: 'tab:data-changed', payload: { dataVersion: expect.any(Number) } });
  });

  it('tells nobody when a sync changed nothing, and every listening tab when the directory changed', async () => {
    await configure(backend.url, 'recruiter-token');
    await syncNow(worker);
    await send('page:get-settings', { site: 'linkedin' }, contentScriptSender(21));
    await send('page:get-settings', { site: 'wantedly' }, contentScriptSender(22, 'https://www.wantedly.com/id/someone'));
    sent.length = 0;

    await syncNow(worker);
    expect(sent).toEqual([]);

    backend.upsert('directory', alumnus('E2002', { names: { display: 'Marcos Ruiz', latin: 'Marcos Ruiz' } }));
    await syncNow(worker);
    await vi.waitFor(() => expect([...dataChanged(21), ...dataChanged(22)]).toHaveLength(2));
  });

  it('tells the tabs after a configuration change even when the data stayed the same', async () => {
    backend.tokens.set('second-recruiter-token', me('recruiter', 'Rita Recruiter'));
    await configure(backend.url, 'recruiter-token');
    await syncNow(worker);
    await send('page:get-settings', { site: 'linkedin' }, contentScriptSender(41));
    sent.length = 0;

    // Another token of the same company and role: the same data, nothing to download again.
    await configure(backend.url, 'second-recruiter-token');
    await vi.waitFor(() => expect(dataChanged(41)).toHaveLength(1));
    await syncNow(worker);
    expect(dataChanged(41)).toHaveLength(1);
  });

  it('tells the tabs when only the offers changed (an alumnus sees them on company pages)', async () => {
    await configure(backend.url, 'alumni-token');
    await syncNow(worker);
    await send('page:get-settings', { site: 'linkedin' }, contentScriptSender(51));
    sent.length = 0;

    backend.upsert('offers', offer('O9001'));
    await syncNow(worker);
    await vi.waitFor(() => expect(dataChanged(51)).toHaveLength(1));
  });

  it('forgets a tab whose script is gone, and a closed tab', async () => {
    await configure(backend.url, 'recruiter-token');
    await syncNow(worker);
    await send('page:get-settings', { site: 'linkedin' }, contentScriptSender(31));
    await send('page:get-settings', { site: 'linkedin' }, contentScriptSender(32));
    await send('page:get-settings', { site: 'linkedin' }, contentScriptSender(33));
    unreachable.add(31);
    await fakeBrowser.tabs.onRemoved.trigger(32, { windowId: 1, isWindowClosing: false });

    backend.upsert('directory', alumnus('E2003', { names: { display: 'Julien Moreau', latin: 'Julien Moreau' } }));
    await syncNow(worker);
    await vi.waitFor(() => expect(dataChanged(33)).toHaveLength(1));
    expect(dataChanged(32)).toEqual([]);

    unreachable.delete(31);
    backend.upsert('directory', alumnus('E2004', { names: { display: 'Karim Saleh', latin: 'Karim Saleh' } }));
    await syncNow(worker);
    await vi.waitFor(() => expect(dataChanged(33)).toHaveLength(2));
    expect(dataChanged(31)).toEqual([]);
  });
});
