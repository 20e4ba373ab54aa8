import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../../components/Options/Options';
import type { OptionsPlatform } from '../../../components/Options/platform';
import { readConnectionFields, readLocalConfig, readSettings, saveConfig, updateSettings } from '../../../utils/config';
import type { ResponseOf } from '../../../utils/messaging/protocol';
import { byText, choose, click, fakeWorker, renderUi, type } from './render';

type Status = ResponseOf<'ui:get-status'>;

const status: Status = {
  me: { user: { name: 'Aiko Tanaka', role: 'sales' }, company: { name: 'Sakura Digital', aliases: [], domains: ['sakura-digital.example'] } },
  sync: { state: 'idle', lastSuccessAt: null, lastError: null, progress: null },
  directorySize: 0,
  organizationsCount: 0,
  openOffers: 0,
  newOffers: 0,
  pendingOutbox: 0,
  failedOutbox: [],
  configSource: 'local',
};

/** The real config module as the worker runs it for this page (fake browser, fake IndexedDB); permissions answer as told. */
function platform(grant: boolean, patterns: string[] = []) {
  const requested: string[][] = [];
  const p: OptionsPlatform = {
    readConnection: () => readConnectionFields(),
    saveConfig,
    readSettings: () => readSettings(),
    updateSettings,
    requestOrigins: async (origins) => {
      requested.push(origins);
      return grant;
    },
    containsOrigins: async () => false,
    organizationPatterns: async () => patterns,
  };
  return { platform: p, requested };
}

function worker(overrides: Partial<Status> = {}) {
  return fakeWorker({
    'ui:get-status': () => ({ ...status, ...overrides }),
    'ui:get-diagnostics': () => ({
      unrecognised: [{ adapter: 'linkedin', pageKind: 'profile', missing: 'main h1', count: 3 }],
      lastSyncError: 'HTTP 503 from the backend',
    }),
    'ui:test-connection': ({ token }) =>
      token === 'demo-sales-token'
        ? { ok: true, me: status.me! }
        : { ok: false, error: 'The backend refused the token (401).' },
  });
}

const SITES = ['linkedin', 'github', 'org-website'];

async function fillConnection(container: HTMLElement, apiUrl: string, token: string) {
  await type(container.querySelector<HTMLInputElement>('input[name="apiUrl"]')!, apiUrl);
  await type(container.querySelector<HTMLInputElement>('input[name="token"]')!, token);
}

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('Options', () => {
  it('asks for the backend origin, then saves the configuration into local:config', async () => {
    const { platform: p, requested } = platform(true);
    const { container, text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="en-US" />, { send: worker().send, strings: 'app' });
    await fillConnection(container, 'http://127.0.0.1:8787/', 'demo-sales-token');
    await click(byText(container, 'button', 'Save'));
    expect(requested).toEqual([['http://127.0.0.1/*']]);
    await vi.waitFor(() => expect(text()).toContain('Saved. Syncing the directory now.'));
    expect(await readLocalConfig()).toEqual({ apiUrl: 'http://127.0.0.1:8787', token: 'demo-sales-token' });
  });

  it('saves nothing when the user refuses access to the backend, and says so', async () => {
    const { platform: p } = platform(false);
    const { container, text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="en-US" />, { send: worker().send, strings: 'app' });
    await fillConnection(container, 'https://alumni.example.com', 'secret');
    await click(byText(container, 'button', 'Save'));
    expect(text()).toContain('Access to the backend was not granted, so the settings were not saved.');
    expect(await readLocalConfig()).toBeNull();
  });

  it('refuses a URL that is not http(s) before asking anything', async () => {
    const { platform: p, requested } = platform(true);
    const { container, text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="en-US" />, { send: worker().send, strings: 'app' });
    await fillConnection(container, 'ftp://alumni.example.com', 'secret');
    await click(byText(container, 'button', 'Save'));
    expect(text()).toContain('Enter an http(s) URL');
    expect(requested).toEqual([]);
  });

  it('tests a connection and shows who the token belongs to, or why it failed', async () => {
    const { platform: p } = platform(true);
    const { container, text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="en-US" />, { send: worker().send, strings: 'app' });
    await fillConnection(container, 'http://127.0.0.1:8787', 'demo-sales-token');
    await click(byText(container, 'button', 'Test connection'));
    await vi.waitFor(() => expect(text()).toContain('Connected as Aiko Tanaka (Sales) at Sakura Digital.'));
    await fillConnection(container, 'http://127.0.0.1:8787', 'wrong');
    await click(byText(container, 'button', 'Test connection'));
    await vi.waitFor(() => expect(text()).toContain('Connection failed: The backend refused the token (401).'));
  });

  it('shows a connection managed by policy as locked, and never shows its token', async () => {
    await fakeBrowser.storage.managed.set({ apiUrl: 'https://alumni.sakura-digital.example', token: 'policy-token' });
    const { platform: p } = platform(true);
    const { container, text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="en-US" />, { send: worker().send, strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('Your organisation manages this connection.'));
    const url = container.querySelector<HTMLInputElement>('input[name="apiUrl"]')!;
    expect([url.value, url.readOnly]).toEqual(['https://alumni.sakura-digital.example', true]);
    expect(container.querySelector<HTMLInputElement>('input[name="token"]')!.value).not.toContain('policy-token');
    expect(() => byText(container, 'button', 'Save')).toThrow();
    expect(text()).toContain('Sales · Aiko Tanaka · Sakura Digital');
  });

  it('lets the user add a personal token when policy sets only the backend URL', async () => {
    await fakeBrowser.storage.managed.set({ apiUrl: 'https://alumni.sakura-digital.example' });
    const { platform: p, requested } = platform(true);
    const { container, text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="en-US" />, { send: worker().send, strings: 'app' });
    await vi.waitFor(() => expect(container.querySelector<HTMLInputElement>('input[name="apiUrl"]')!.readOnly).toBe(true));
    await type(container.querySelector<HTMLInputElement>('input[name="token"]')!, 'my-own-token');
    await click(byText(container, 'button', 'Save'));
    expect(requested).toEqual([['https://alumni.sakura-digital.example/*']]);
    await vi.waitFor(() => expect(text()).toContain('Saved.'));
    expect(await readLocalConfig()).toEqual({ apiUrl: 'https://alumni.sakura-digital.example', token: 'my-own-token' });
  });

  it('switches a site off and names highlighting off in local:settings', async () => {
    const { platform: p } = platform(true);
    const { container } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="en-US" />, { send: worker().send, strings: 'app' });
    await vi.waitFor(() => expect(container.querySelectorAll('input[role="switch"]')).toHaveLength(4));
    const linkedin = [...container.querySelectorAll('label')].find((l) => l.textContent === 'LinkedIn')!.querySelector('input')!;
    expect(linkedin.checked).toBe(true);
    await click(linkedin);
    await vi.waitFor(async () => expect((await readSettings()).sites.linkedin).toBe(false));
    const highlight = byText(container, 'label', 'Highlight alumni names on organisation websites').querySelector('input')!;
    await click(highlight);
    await vi.waitFor(async () => expect((await readSettings()).highlightNames).toBe(false));
  });

  it('changes language at once and remembers it', async () => {
    const { platform: p } = platform(true);
    const { container, text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="en-US" />, { send: worker().send, strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('Privacy'));
    await choose(container.querySelector<HTMLSelectElement>('.al-options-lang select')!, 'ja');
    await vi.waitFor(() => expect(text()).toContain('プライバシー'));
    expect(text()).toContain('認識はすべてブラウザ内で行われます。');
    expect((await readSettings()).lang).toBe('ja');
  });

  it('follows a Japanese browser by default', async () => {
    const { platform: p } = platform(true);
    const { text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="ja-JP" />, { send: worker().send, strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('Alumni Lens の設定'));
  });

  it('asks for access to the organisation websites on a click', async () => {
    const patterns = ['https://audiense.com/*', 'https://*.audiense.com/*'];
    const { platform: p, requested } = platform(true, patterns);
    const { container, text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="en-US" />, { send: worker().send, strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('needs access to their domains (1)'));
    await click(byText(container, 'button', 'Allow access to organisation websites'));
    expect(requested).toEqual([patterns]);
    expect(text()).toContain('Access granted.');
  });

  it("explains access to organisation websites as seeing the company's offers there to an alumnus, in English and Japanese", async () => {
    const alumnus = { ...status.me!, user: { name: 'Sofia Andersson Reyes', role: 'alumni' as const } };
    const { platform: p, requested } = platform(true, ['https://audiense.com/*', 'https://*.audiense.com/*']);
    const { container, text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="en-US" />, {
      send: worker({ me: alumnus }).send,
      strings: 'app',
    });
    await vi.waitFor(() => expect(text()).toContain('To see Sakura Digital’s open offers on the websites of the organisations they concern, Alumni Lens needs access to their domains (1).'));
    expect(text()).not.toContain('recognise alumni on the websites of client and partner organisations');
    await click(byText(container, 'button', 'Allow access to organisation websites'));
    expect(requested).toHaveLength(1);

    await choose(container.querySelector<HTMLSelectElement>('.al-options-lang select')!, 'ja');
    await vi.waitFor(() => expect(text()).toContain('Sakura Digital の募集中のオファーを、その対象となる組織のウェブサイト上で見るには、それらのドメイン(1 件)へのアクセス許可が必要です。'));
    expect(text()).not.toContain('取引先やパートナー組織');
  });

  it('keeps explaining access to organisation websites as recognising alumni there to staff', async () => {
    const { platform: p } = platform(true, ['https://audiense.com/*']);
    const { text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="ja-JP" />, { send: worker().send, strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('取引先やパートナー組織のウェブサイトでアルムナイを認識するには、それらのドメイン(1 件)へのアクセス許可が必要です。'));
    expect(text()).not.toContain('募集中のオファー');
  });

  it('lists layouts it could not read and the last sync error', async () => {
    const { platform: p } = platform(true);
    const { text } = await renderUi(<Options platform={p} sites={SITES} browserLanguage="en-US" />, { send: worker().send, strings: 'app' });
    await vi.waitFor(() => expect(text()).toContain('linkedin (profile): main h1, 3×'));
    expect(text()).toContain('Last sync error: HTTP 503 from the backend');
  });
});
