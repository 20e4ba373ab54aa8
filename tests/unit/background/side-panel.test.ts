// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundWorker } from '../../../utils/background/worker';
import { updateSettings } from '../../../utils/config';
import type { RequestOf } from '../../../utils/messaging/protocol';
import { sofiaMatch } from '../components/fixtures';
import type { BrowserStubs } from './support/browser-stubs';
import { configure, contentScriptSender, freshProfile, send, startWorker, syncNow } from './support/harness';
import { alumnus } from './support/records';
import { type ScriptedBackend, startScriptedBackend } from './support/scripted-backend';

// Side-panel mode in the worker: the display mode (setting, or the enterprise policy that wins), the
// toolbar button that opens the panel instead of the popup, and the per-tab state the panel reads.

let backend: ScriptedBackend;
let worker: BackgroundWorker;
let stubs: BrowserStubs;
/** Chromium's side panel API, as far as the worker uses it. */
let sidePanel: { openOnActionClick?: boolean };

beforeEach(async () => {
  stubs = freshProfile();
  sidePanel = {};
  Object.assign(fakeBrowser, {
    sidePanel: {
      setPanelBehavior: async ({ openPanelOnActionClick }: { openPanelOnActionClick: boolean }) =>
        void (sidePanel.openOnActionClick = openPanelOnActionClick),
    },
  });
  backend = await startScriptedBackend();
  backend.upsert('directory', alumnus('E2001'));
  await configure(backend.url, 'recruiter-token');
  worker = startWorker();
  await syncNow(worker);
});
afterEach(async () => {
  await worker.stop();
  await backend.close();
  delete (fakeBrowser as { sidePanel?: unknown }).sidePanel;
  delete (fakeBrowser as { sidebarAction?: unknown }).sidebarAction;
});

const profileUrl = 'https://www.linkedin.com/in/sofia-andersson-reyes';
const published = (token = 'doc-token-1'): RequestOf<'page:panel-show'> => ({
  token,
  url: profileUrl,
  site: 'linkedin',
  people: [{ ...sofiaMatch, role: 'subject' }],
  organizations: [],
});

describe('display mode', () => {
  it('is in-page by default, and settings saved before the option existed read as in-page without a repair', async () => {
    expect((await send('page:get-settings', { site: 'linkedin' }, contentScriptSender())).display).toBe('in-page');
    await fakeBrowser.storage.local.set({ settings: { sites: {}, highlightNames: true, lang: 'auto', collapsed: {} } });
    expect((await send('page:get-settings', { site: 'linkedin' }, contentScriptSender())).display).toBe('in-page');
    expect((await send('ui:get-diagnostics', {})).repaired ?? []).toEqual([]);
  });

  it("follows the user's choice, and content scripts learn it with their settings", async () => {
    await updateSettings((s) => ({ ...s, display: 'side-panel' }));
    expect((await send('page:get-settings', { site: 'linkedin' }, contentScriptSender())).display).toBe('side-panel');
    expect((await send('ui:panel-state', { tabId: 7 })).display).toEqual({ mode: 'side-panel', locked: false });
  });

  it("lets the enterprise policy win over the user's choice, and shows it locked", async () => {
    await fakeBrowser.storage.managed.set({ display: 'side-panel' });
    expect((await send('page:get-settings', { site: 'linkedin' }, contentScriptSender())).display).toBe('side-panel');
    expect((await send('ui:panel-state', { tabId: 7 })).display).toEqual({ mode: 'side-panel', locked: true });
    // An invalid policy value is ignored (and reported), and the user's setting applies.
    await fakeBrowser.storage.managed.set({ display: 'floating' });
    expect((await send('ui:panel-state', { tabId: 7 })).display).toEqual({ mode: 'in-page', locked: false });
  });
});

describe('toolbar button', () => {
  it('opens the popup in in-page mode and the side panel in side-panel mode, switching when the setting changes', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(sidePanel.openOnActionClick).toBe(false));
    expect(stubs.popup).toBe('popup.html');

    await updateSettings((s) => ({ ...s, display: 'side-panel' }));
    await vi.waitFor(() => expect(stubs.popup).toBe(''));
    expect(sidePanel).toEqual({ openOnActionClick: true });

    await updateSettings((s) => ({ ...s, display: 'in-page' }));
    await vi.waitFor(() => expect(stubs.popup).toBe('popup.html'));
    expect(sidePanel).toEqual({ openOnActionClick: false });
  });

  it('follows a policy that arrives while the browser runs', async () => {
    await fakeBrowser.storage.managed.set({ display: 'side-panel' });
    await vi.waitFor(() => expect(stubs.popup).toBe(''));
    expect(sidePanel.openOnActionClick).toBe(true);
  });

  it("opens Firefox's sidebar from the click itself, without waiting for anything first", async () => {
    delete (fakeBrowser as { sidePanel?: unknown }).sidePanel;
    const opened: string[] = [];
    Object.assign(fakeBrowser, { sidebarAction: { open: () => (opened.push('sidebar'), Promise.resolve()) } });
    await fakeBrowser.action.onClicked.trigger({ id: 7, index: 0, active: true, pinned: false, highlighted: false, incognito: false, windowId: 1 } as never, undefined as never);
    // Synchronously: Firefox opens a sidebar only while it handles the user's click.
    expect(opened).toEqual(['sidebar']);
  });
});

describe("the side panel's per-tab state", () => {
  it("keeps what a tab's content script published, for that tab only, across a restarted worker", async () => {
    await send('page:panel-show', published(), contentScriptSender(7, profileUrl));
    await worker.stop();
    worker = startWorker();
    const state = await send('ui:panel-state', { tabId: 7 });
    expect(state.role).toBe('recruiter');
    expect(state.tab).toMatchObject({ token: 'doc-token-1', url: profileUrl, site: 'linkedin' });
    expect(state.tab?.people.map((p) => [p.alumnus.names.display, p.role])).toEqual([['Sofia Andersson Reyes', 'subject']]);
    expect((await send('ui:panel-state', { tabId: 8 })).tab).toBeNull();
  });

  it("is cleared by its own document only, and when the tab closes", async () => {
    await send('page:panel-show', published('doc-token-1'), contentScriptSender(7, profileUrl));
    // A stale clear from a document the tab no longer shows leaves the newer state alone.
    await send('page:panel-show', published('doc-token-2'), contentScriptSender(7, profileUrl));
    await send('page:panel-clear', { token: 'doc-token-1' }, contentScriptSender(7, profileUrl));
    expect((await send('ui:panel-state', { tabId: 7 })).tab?.token).toBe('doc-token-2');
    await send('page:panel-clear', { token: 'doc-token-2' }, contentScriptSender(7, profileUrl));
    expect((await send('ui:panel-state', { tabId: 7 })).tab).toBeNull();

    await send('page:panel-show', published('doc-token-3'), contentScriptSender(9, profileUrl));
    await fakeBrowser.tabs.onRemoved.trigger(9, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect((await send('ui:panel-state', { tabId: 9 })).tab).toBeNull());
  });

  it('is read by extension pages only, and bad publications are refused', async () => {
    await expect(send('ui:panel-state', { tabId: 7 }, contentScriptSender(7, profileUrl))).rejects.toThrow(/not allowed/);
    await expect(send('page:panel-show', { ...published(), token: 'x' }, contentScriptSender(7, profileUrl))).rejects.toThrow(/token/);
    await expect(send('page:panel-show', { ...published(), url: 'javascript:alert(1)' }, contentScriptSender(7, profileUrl))).rejects.toThrow(/url/);
    // A content script checks only the shell of its matches (match-shell.ts) and forwards them: the rest is checked here.
    const nameless = { ...published(), people: [{ ...sofiaMatch, role: 'subject', alumnus: { id: sofiaMatch.alumnus.id } }] };
    await expect(send('page:panel-show', nameless as never, contentScriptSender(7, profileUrl))).rejects.toThrow(/names/);
    expect((await send('ui:panel-state', { tabId: 7 })).tab).toBeNull();
  });
});
