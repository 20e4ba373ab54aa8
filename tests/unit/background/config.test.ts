import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readTrusted, writeTrusted } from '../../../utils/config/trusted-store';
import {
  ConfigLockedError,
  DEFAULT_SETTINGS,
  readConfig,
  readSettings,
  saveConfig,
  settingsItem,
} from '../../../utils/config';

const quiet = () => {};

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

describe('the connection (trusted store)', () => {
  it('is unconfigured when nothing is stored', async () => {
    expect(await readConfig(quiet)).toEqual({ config: null, source: 'none', locked: [] });
  });

  it('reads a saved configuration, with the URL normalised', async () => {
    await saveConfig({ apiUrl: 'http://127.0.0.1:8787/api/v1/', token: ' demo-sales-token ' });
    expect(await readConfig(quiet)).toEqual({
      config: { apiUrl: 'http://127.0.0.1:8787', token: 'demo-sales-token' },
      source: 'local',
      locked: [],
    });
  });

  it("moves an earlier release's connection out of storage.local once (a version 1 value normalised on the way)", async () => {
    await fakeBrowser.storage.local.set({ config: { apiUrl: 'https://alumni.example.co.jp/api/v1/', token: 't' } });
    expect((await readConfig(quiet)).config).toEqual({ apiUrl: 'https://alumni.example.co.jp', token: 't' });
    expect(await fakeBrowser.storage.local.get(['config', 'config$'])).toEqual({});
    expect(await readTrusted('connection')).toEqual({ apiUrl: 'https://alumni.example.co.jp', token: 't' });
  });

  it('never reads storage.local again after the move: a content script writing `config` there changes nothing', async () => {
    await saveConfig({ apiUrl: 'https://alumni.corp.example', token: 'mine' });
    await fakeBrowser.storage.local.set({ config: { apiUrl: 'https://evil.example', token: 'stolen' }, config$: { v: 2 } });
    expect((await readConfig(quiet)).config).toEqual({ apiUrl: 'https://alumni.corp.example', token: 'mine' });
  });

  it('is not in storage.local at all once saved', async () => {
    await saveConfig({ apiUrl: 'https://alumni.corp.example', token: 'secret-token' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('secret-token');
  });

  it('reports and removes a corrupt stored configuration instead of crashing', async () => {
    await writeTrusted('connection', { apiUrl: 'javascript:alert(1)', token: 42 });
    const report = vi.fn();
    expect((await readConfig(report)).config).toBeNull();
    expect(report).toHaveBeenCalledWith('connection', expect.stringContaining('apiUrl'));
    expect(await readTrusted('connection')).toBeUndefined();
  });

  it("falls back to a development build's baked-in demo backend, which the user's own choice replaces", async () => {
    vi.stubEnv('WXT_DEFAULT_API_URL', 'http://127.0.0.1:8787');
    vi.stubEnv('WXT_DEFAULT_TOKEN', 'demo-recruiter-token');
    try {
      expect((await readConfig(quiet)).config).toEqual({ apiUrl: 'http://127.0.0.1:8787', token: 'demo-recruiter-token' });
      await saveConfig({ apiUrl: 'https://alumni.corp.example', token: 'mine' });
      expect((await readConfig(quiet)).config).toEqual({ apiUrl: 'https://alumni.corp.example', token: 'mine' });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses a configuration that is not an http(s) URL', async () => {
    await expect(saveConfig({ apiUrl: 'file:///etc/passwd', token: 't' })).rejects.toThrow();
  });
});

describe('managed policy', () => {
  it('wins over the local configuration and is reported as locked', async () => {
    await saveConfig({ apiUrl: 'http://127.0.0.1:8787', token: 'mine' });
    await fakeBrowser.storage.managed.set({ apiUrl: 'https://alumni.corp.example/', token: 'policy-token' });
    expect(await readConfig(quiet)).toEqual({
      config: { apiUrl: 'https://alumni.corp.example', token: 'policy-token' },
      source: 'managed',
      locked: ['apiUrl', 'token'],
    });
  });

  it('can lock only the URL and let each user keep a personal token', async () => {
    await fakeBrowser.storage.managed.set({ apiUrl: 'https://alumni.corp.example' });
    await saveConfig({ apiUrl: 'https://alumni.corp.example', token: 'my-personal-token' });
    expect(await readConfig(quiet)).toEqual({
      config: { apiUrl: 'https://alumni.corp.example', token: 'my-personal-token' },
      source: 'managed',
      locked: ['apiUrl'],
    });
  });

  it('refuses to save a URL the policy locks', async () => {
    await fakeBrowser.storage.managed.set({ apiUrl: 'https://alumni.corp.example' });
    await expect(saveConfig({ apiUrl: 'http://127.0.0.1:8787', token: 't' })).rejects.toBeInstanceOf(ConfigLockedError);
  });

  it('ignores an invalid policy and reports it', async () => {
    await fakeBrowser.storage.managed.set({ apiUrl: 'not a url' });
    await saveConfig({ apiUrl: 'http://127.0.0.1:8787', token: 'mine' });
    const report = vi.fn();
    expect((await readConfig(report)).source).toBe('local');
    expect(report).toHaveBeenCalledWith('managed policy', expect.stringContaining('apiUrl'));
  });
});

describe('local:settings', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await readSettings(quiet)).toEqual(DEFAULT_SETTINGS);
  });

  it('replaces only the bad field with its default, reports it and writes the repair back', async () => {
    await settingsItem.setValue({ sites: { linkedin: false }, highlightNames: false, lang: 'fr', collapsed: { xing: true } });
    const report = vi.fn();
    const settings = await readSettings(report);
    expect(settings).toEqual({ sites: { linkedin: false }, highlightNames: false, lang: 'auto', collapsed: { xing: true }, display: 'in-page' });
    expect(report).toHaveBeenCalledWith('local:settings', expect.stringContaining('lang'));
    expect(await settingsItem.getValue()).toEqual(settings);
  });

  it('survives a value that is not even an object', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await readSettings(quiet)).toEqual(DEFAULT_SETTINGS);
  });
});
