// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundWorker } from '../../../utils/background/worker';
import { readSettings, settingsItem } from '../../../utils/config';
import { readTrusted, writeTrusted } from '../../../utils/config/trusted-store';
import { setMeta } from '../../../utils/db';
import { contentScriptSender, freshProfile, send, startWorker } from './support/harness';

// Stored data the worker could not read is repaired (reset, removed, rebuilt) and counted; the
// options page lists those repairs through ui:get-diagnostics, apart from unrecognised layouts.

const EVENTUALLY = { timeout: 10_000, interval: 20 };
let worker: BackgroundWorker;

beforeEach(() => {
  freshProfile();
  worker = startWorker();
});
afterEach(() => worker.stop());

const repaired = async () => (await send('ui:get-diagnostics', {})).repaired ?? [];

describe('ui:get-diagnostics: repaired stored data', () => {
  it('is empty while everything stored was readable', async () => {
    await send('page:get-settings', { site: 'linkedin' }, contentScriptSender());
    expect(await repaired()).toEqual([]);
  });

  it('reports settings that were unreadable and reset, counted per problem, apart from unrecognised layouts', async () => {
    await settingsItem.setValue({ sites: { linkedin: false }, highlightNames: true, lang: 'klingon', collapsed: {} });
    // A content script asking for its settings is what makes the worker read (and repair) them.
    const settings = await send('page:get-settings', { site: 'linkedin' }, contentScriptSender());
    // The bad field went back to its default; the good one was kept.
    expect(settings).toMatchObject({ enabled: false, lang: expect.stringMatching(/^(en|ja)$/) });
    expect((await readSettings()).lang).toBe('auto');

    await vi.waitFor(async () => expect(await repaired()).toHaveLength(1), EVENTUALLY);
    const [row] = await repaired();
    expect(row).toMatchObject({ subject: 'settings', what: 'local:settings', count: 1 });
    expect(row.detail).toContain('lang');

    // The same corruption again is the same row, counted twice.
    await settingsItem.setValue({ sites: {}, highlightNames: true, lang: 'klingon', collapsed: {} });
    await send('page:get-settings', { site: 'github' }, contentScriptSender());
    await vi.waitFor(async () => expect((await repaired())[0]?.count).toBe(2), EVENTUALLY);

    await send('page:report-diagnostic', { adapter: 'linkedin', pageKind: 'profile', missing: 'main h1' }, contentScriptSender());
    const report = await send('ui:get-diagnostics', {});
    expect(report.unrecognised).toEqual([{ adapter: 'linkedin', pageKind: 'profile', missing: 'main h1', count: 1 }]);
    expect(report.repaired?.map((r) => r.subject)).toEqual(['settings']);
  });

  it('counts one unreadable connection once, however many reads find it at the same time, and a second corruption again', async () => {
    const corrupt = { apiUrl: 'not a url', token: '' };
    // Several status requests read it at once.
    await writeTrusted('connection', corrupt);
    await Promise.all(Array.from({ length: 4 }, () => send('ui:get-status', {})));
    await vi.waitFor(async () => expect(await readTrusted('connection')).toBeUndefined(), EVENTUALLY);
    await (await worker.ready).sync.idle();
    await vi.waitFor(async () => expect((await repaired()).map((r) => [r.subject, r.count])).toEqual([['connection', 1]]), EVENTUALLY);

    // The same corruption written again later is a second repair of the same row.
    await writeTrusted('connection', corrupt);
    await Promise.all(Array.from({ length: 4 }, () => send('ui:get-status', {})));
    await (await worker.ready).sync.idle();
    await vi.waitFor(async () => expect((await repaired()).map((r) => [r.subject, r.count])).toEqual([['connection', 2]]), EVENTUALLY);
  }, 30_000);

  it('reports an unreadable connection (removed) and an unreadable recognition index (rebuilt), newest first', async () => {
    await writeTrusted('connection', { apiUrl: 'not a url', token: '' });
    expect((await send('ui:get-status', {})).configSource).toBe('none');
    await vi.waitFor(async () => expect((await repaired()).map((r) => r.subject)).toEqual(['connection']), EVENTUALLY);
    expect(await readTrusted('connection')).toBeUndefined();

    const ctx = await worker.ready;
    await setMeta(ctx.db, 'index', { serialized: 'garbage', dataVersion: 0 });
    await worker.stop();
    worker = startWorker();
    // Scanning a page's text needs the index: the fresh worker finds the stored one unreadable and rebuilds it.
    await setMeta((await worker.ready).db, 'me', { user: { name: 'Rei', role: 'recruiter' }, company: { name: 'Sakura Digital', aliases: [], domains: [] } });
    const orgPage = { site: 'org-website', pageKind: 'org-website' as const, people: [], organizations: [] };
    const read = { url: 'https://www.hikari-health.example/', signals: orgPage, text: 'Nobody here' };
    expect(await send('page:match', read, contentScriptSender())).toEqual({ people: [], organizations: [], named: [] });
    await vi.waitFor(async () => expect((await repaired()).map((r) => r.subject)).toEqual(['recognition-index', 'connection']), EVENTUALLY);
  });
});
