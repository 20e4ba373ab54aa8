// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundWorker } from '../../../utils/background/worker';
import { ORGSITE_SCRIPT_ID } from '../../../utils/background/orgsite';
import { getMeta, readAlumni, readAllAlumni } from '../../../utils/db';
import { OUTBOX_ALARM } from '../../../utils/outbox';
import { SYNC_ALARM, SYNC_PERIOD_MINUTES } from '../../../utils/sync';
import type { BrowserStubs } from './support/browser-stubs';
import { configure, contentScriptSender, freshProfile, send, startWorker, syncNow } from './support/harness';
import { alumnus, offer, organization } from './support/records';
import { type ScriptedBackend, startScriptedBackend } from './support/scripted-backend';

let backend: ScriptedBackend;
let worker: BackgroundWorker;
let stubs: BrowserStubs;

// A fresh backend and browser profile per test: each test writes its own data.
beforeEach(async () => {
  stubs = freshProfile();
  backend = await startScriptedBackend();
});
afterEach(async () => {
  await worker?.stop();
  await backend.close();
});

/** Waits for what an event (storage change, install, permission) starts in the background. */
const EVENTUALLY = { timeout: 10_000, interval: 20 };

const directoryIds = async () => (await readAllAlumni((await worker.ready).db)).alumni.map((a) => a.id).sort();
const stored = async (id: string) => (await readAlumni((await worker.ready).db, [id]))[0] ?? undefined;

describe('sync', () => {
  it('reports "unconfigured" until a backend and token are set', async () => {
    worker = startWorker();
    expect((await syncNow(worker)).state).toBe('unconfigured');
    expect(backend.requests).toEqual([]);
  });

  it('starts a sync as soon as a configuration is saved into storage', async () => {
    backend.upsert('directory', alumnus('s1'));
    worker = startWorker();
    await configure(backend.url, 'recruiter-token');
    await vi.waitFor(async () => expect(await directoryIds()).toContain('s1'), EVENTUALLY);
  });

  it('syncs on install and schedules itself every 15 minutes', async () => {
    backend.upsert('offers', offer('install-offer'));
    await configure(backend.url, 'sales-token');
    worker = startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () => expect(await (await worker.ready).db.get('offers', 'install-offer')).toBeDefined(), EVENTUALLY);
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: SYNC_PERIOD_MINUTES });
  });

  it('follows the cursor across pages, then asks only for what changed since', async () => {
    backend.pageSize = 2;
    backend.upsert('directory', alumnus('p1'), alumnus('p2'), alumnus('p3'), alumnus('p4'), alumnus('p5'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    const status = await syncNow(worker);
    expect(status).toMatchObject({ state: 'idle', lastError: null, progress: null });
    expect(status.lastSuccessAt).toEqual(expect.any(Number));
    expect(await directoryIds()).toEqual(expect.arrayContaining(['p1', 'p2', 'p3', 'p4', 'p5']));
    const directoryRequests = backend.requests.filter((r) => r.includes('/directory'));
    expect(directoryRequests.length).toBeGreaterThanOrEqual(3);

    backend.requests.length = 0;
    backend.upsert('directory', alumnus('p6'));
    await syncNow(worker);
    const cursor = await getMeta((await worker.ready).db, 'cursor:directory');
    expect(backend.requests.filter((r) => r.includes('/directory'))).toHaveLength(1);
    expect(backend.requests.find((r) => r.includes('/directory'))).toMatch(/since=\d+/);
    expect(await directoryIds()).toContain('p6');
    expect(cursor).toEqual(expect.any(String));
  });

  it('reports records received so far while a sync runs, for the popup', async () => {
    backend.pageSize = 2;
    backend.upsert('directory', alumnus('q1'), alumnus('q2'), alumnus('q3'), alumnus('q4'), alumnus('q5'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    const seen: unknown[] = [];
    backend.beforePage = async (resource) => {
      if (resource === 'directory') seen.push((await send('ui:get-status', {})).sync);
    };
    const done = await syncNow(worker);
    expect(done).toMatchObject({ state: 'idle', progress: null });
    expect(seen).toEqual([
      expect.objectContaining({ state: 'syncing', progress: null }),
      expect.objectContaining({ state: 'syncing', progress: { resource: 'directory', received: 2 } }),
      expect.objectContaining({ state: 'syncing', progress: { resource: 'directory', received: 4 } }),
    ]);
  });

  it('joins a sync already running instead of fetching twice, but runs again for a configuration saved meanwhile', async () => {
    backend.upsert('directory', alumnus('j1'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    const ctx = await worker.ready;
    let joined: Promise<unknown> | undefined;
    backend.beforePage = async () => {
      joined ??= ctx.sync.requestSync();
    };
    await syncNow(worker);
    await joined;
    expect(backend.requests.filter((r) => r.includes('/directory?'))).toHaveLength(1);

    backend.requests.length = 0;
    let reconfigured = false;
    backend.beforePage = async () => {
      if (reconfigured) return;
      reconfigured = true;
      await configure(backend.url, 'sales-token');
    };
    await syncNow(worker);
    expect(backend.requests.filter((r) => r.endsWith('/api/v1/me'))).toHaveLength(2);
    expect((await send('ui:get-status', {})).me?.user.role).toBe('sales');
  });

  it('lets a policy set by IT start a sync and win over the user configuration', async () => {
    backend.upsert('directory', alumnus('policy-1'));
    await configure('http://127.0.0.1:9', 'recruiter-token');
    worker = startWorker();
    expect((await syncNow(worker)).state).toBe('error');
    await fakeBrowser.storage.managed.set({ apiUrl: backend.url });
    await vi.waitFor(async () => expect(await directoryIds()).toContain('policy-1'), EVENTUALLY);
    expect((await send('ui:get-status', {})).configSource).toBe('managed');
  });

  it('delivers an introduction logged before any configuration with the first sync', async () => {
    worker = startWorker();
    const queued = await send(
      'page:log-introduction',
      { alumnusId: 'E2001', kind: 'rehire', context: {} },
      contentScriptSender(),
    );
    expect(queued.state).toBe('queued');
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
    await configure(backend.url, 'recruiter-token');
    await vi.waitFor(async () => expect((await send('page:outbox-status', { ids: [queued.id] }, contentScriptSender()))[0].state).toBe('sent'), EVENTUALLY);
    expect(backend.posted.size).toBe(1);
  });

  it('starts delivering queued items when configured, even if that first sync fails', async () => {
    backend.breakPage('directory', 0, { broken: true });
    worker = startWorker();
    const queued = await send('page:log-introduction', { alumnusId: 'E2001', kind: 'referral', context: {} }, contentScriptSender());
    await configure(backend.url, 'recruiter-token');
    await vi.waitFor(async () => expect((await send('page:outbox-status', { ids: [queued.id] }, contentScriptSender()))[0].state).toBe('sent'), EVENTUALLY);
    const ctx = await worker.ready;
    await ctx.sync.idle();
    expect((await ctx.sync.status()).lastError).toContain('does not match the API contract');
    expect(backend.posted.size).toBe(1);
  });

  it('applies removals (deleted records, withdrawn consent)', async () => {
    backend.upsert('directory', alumnus('r1'), alumnus('r2'));
    backend.upsert('offers', offer('r-offer'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    await syncNow(worker);
    backend.remove('directory', 'r1');
    backend.remove('offers', 'r-offer');
    await syncNow(worker);
    const ids = await directoryIds();
    expect(ids).toContain('r2');
    expect(ids).not.toContain('r1');
    expect(await (await worker.ready).db.get('offers', 'r-offer')).toBeUndefined();
  });

  it('rejects a whole run when one page breaks the contract, and keeps the last good data', async () => {
    backend.upsert('directory', alumnus('g1', { currentTitle: 'Designer' }));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    await syncNow(worker);
    const db = (await worker.ready).db;
    const goodCursor = await getMeta(db, 'cursor:directory');

    backend.pageSize = 1;
    backend.upsert('directory', alumnus('g1', { currentTitle: 'Head of Design' }), alumnus('g2'));
    backend.breakPage('directory', 1, { alumni: [{ id: 'g3', names: { display: '' } }], removed: [], cursor: 'x', complete: true });
    const failed = await syncNow(worker);
    expect(failed.state).toBe('error');
    expect(failed.lastError).toContain('does not match the API contract');
    // Page 0 (g1's update) was fine but belongs to the rejected run: nothing of it was stored.
    expect(await stored('g1')).toMatchObject({ currentTitle: 'Designer' });
    expect(await stored('g2')).toBeUndefined();
    expect(await getMeta(db, 'cursor:directory')).toBe(goodCursor);

    const recovered = await syncNow(worker);
    expect(recovered).toMatchObject({ state: 'idle', lastError: null });
    expect(await stored('g1')).toMatchObject({ currentTitle: 'Head of Design' });
    expect(await stored('g2')).toBeDefined();
  });

  it('syncs offers and organisations but never the directory for the alumni role, and counts new offers on the toolbar badge', async () => {
    backend.upsert('directory', alumnus('hidden'));
    backend.upsert('offers', offer('o-new-1'), offer('o-new-2'), offer('o-closed', { status: 'closed' }));
    await configure(backend.url, 'alumni-token');
    worker = startWorker();
    await syncNow(worker);
    expect(backend.requests.some((r) => r.includes('/directory'))).toBe(false);
    expect(backend.requests.some((r) => r.includes('/organizations'))).toBe(true);
    expect(await directoryIds()).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');

    expect((await send('ui:list-offers', {})).offers.map((o) => o.id).sort()).toEqual(['o-new-1', 'o-new-2']);
    await send('ui:mark-offers-seen', {});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    backend.upsert('offers', offer('o-new-3'));
    await syncNow(worker);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await send('ui:get-status', {})).toMatchObject({ openOffers: 3, newOffers: 1, directorySize: 0 });

    // The browser restarts (badge text is gone) while the backend is unreachable: the count is back anyway.
    await worker.stop();
    await fakeBrowser.action.setBadgeText({ text: '' });
    await backend.close();
    worker = startWorker();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'), EVENTUALLY);
  });

  it('drops the previous data when the configuration now names another role', async () => {
    backend.upsert('directory', alumnus('private'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    await syncNow(worker);
    expect(await directoryIds()).toContain('private');
    await configure(backend.url, 'alumni-token');
    await syncNow(worker);
    expect(await directoryIds()).toEqual([]);
  });

  it('shows the error and keeps data when the token is refused', async () => {
    backend.upsert('directory', alumnus('kept'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    await syncNow(worker);
    await configure(backend.url, 'revoked-token');
    const status = await syncNow(worker);
    expect(status.state).toBe('error');
    expect(status.lastError).toContain('token was not accepted');
    expect(await directoryIds()).toContain('kept');
  });

  it('registers the organisation-website script only for origins the user granted', async () => {
    backend.upsert('organizations', organization('org-audiense'), organization('org-other', { name: 'Other', domains: ['other.example'] }));
    await configure(backend.url, 'sales-token');
    worker = startWorker();
    await syncNow(worker);
    expect(stubs.registered.size).toBe(0);

    await stubs.grant('https://audiense.com/*');
    await vi.waitFor(() => expect(stubs.registered.get(ORGSITE_SCRIPT_ID)?.matches).toEqual(['https://audiense.com/*']), EVENTUALLY);
    expect(stubs.registered.get(ORGSITE_SCRIPT_ID)?.js).toEqual(['content-scripts/orgsite.js']);

    backend.remove('organizations', 'org-audiense');
    await syncNow(worker);
    expect(stubs.registered.has(ORGSITE_SCRIPT_ID)).toBe(false);
  });
});
