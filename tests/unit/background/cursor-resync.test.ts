// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundWorker } from '../../../utils/background/worker';
import type { RunningServer } from '../../../server/index';
import { startDemoServer } from '../../support/demo-server';
import { demoAlumni } from '../../../server/seed/demo-data';
import { getMeta, readAlumni, setMeta } from '../../../utils/db';
import { commitDelta } from '../../../utils/sync/commit';
import { configure, contentScriptSender, freshProfile, send, startWorker, syncNow } from './support/harness';
import { alumnus } from './support/records';

// A backend that stops accepting a client's cursors (it now signs them, or its database was restored)
// answers 400 invalid_cursor. The worker then syncs that resource from scratch and replaces what it holds,
// instead of failing every sync from then on.

let server: RunningServer;
let worker: BackgroundWorker;

beforeAll(async () => {
  server = await startDemoServer();
}, 120_000);
afterAll(() => server?.close());
beforeEach(() => {
  freshProfile();
});
afterEach(async () => {
  await worker?.stop();
  vi.restoreAllMocks();
});

it('an unsigned cursor from an older backend makes the worker resync from scratch, dropping records the backend no longer has', async () => {
  await configure(server.url, 'demo-recruiter-token');
  worker = startWorker();
  expect(await syncNow(worker)).toMatchObject({ state: 'idle', lastError: null });
  const { db } = await worker.ready;

  // As an install synced by the previous release left it: unsigned cursors, and a record erased on the
  // backend meanwhile whose removal it never heard of.
  const ghost = alumnus('E9999', { names: { display: 'Ghost Person', latin: 'Ghost Person' }, profileUrls: ['https://www.linkedin.com/in/ghost'] });
  await commitDelta(db, { resource: 'directory', changes: new Map([[ghost.id, ghost]]), cursor: 'unused' });
  for (const resource of ['directory', 'organizations', 'offers'] as const) {
    await setMeta(db, `cursor:${resource}`, Buffer.from('v1:3').toString('base64url'));
  }
  await setMeta(db, 'dataVersion', ((await getMeta(db, 'dataVersion')) ?? 0) + 1);
  await (await worker.ready).index.reset();
  const ghostPage = { url: 'https://www.linkedin.com/in/ghost', signals: { site: 'linkedin', pageKind: 'profile' as const, people: [{ name: 'Ghost Person', profileUrl: 'https://www.linkedin.com/in/ghost' }], organizations: [] } };
  expect((await send('page:match', ghostPage, contentScriptSender())).people).toHaveLength(1);

  const status = await syncNow(worker);
  expect(status).toMatchObject({ state: 'idle', lastError: null });
  expect((await send('ui:get-status', {})).directorySize).toBe(demoAlumni.filter((a) => a.consent.recognition).length);
  expect(await readAlumni(db, ['E9999'])).toEqual([null]);
  expect((await send('page:match', ghostPage, contentScriptSender())).people).toEqual([]);
  // The new cursors are the backend's signed ones, and the next sync is an ordinary delta.
  expect(await getMeta(db, 'cursor:directory')).toContain('.');
  expect(await syncNow(worker)).toMatchObject({ state: 'idle', lastError: null });
});

it("a directory started again from the backend's snapshot tells the open tabs to match their pages again", async () => {
  await configure(server.url, 'demo-recruiter-token');
  worker = startWorker();
  expect(await syncNow(worker)).toMatchObject({ state: 'idle', lastError: null });
  const { db } = await worker.ready;
  const told: number[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type?: string }) => {
    if (message.type === 'tab:data-changed') told.push(tabId);
    return { ok: true };
  }) as never);
  await send('page:get-settings', { site: 'linkedin' }, contentScriptSender(61));

  // Only the directory's cursor is refused: the other resources have nothing new, so only the restart changes data.
  const ghost = alumnus('E9998', { names: { display: 'Ghost Person', latin: 'Ghost Person' } });
  await commitDelta(db, { resource: 'directory', changes: new Map([[ghost.id, ghost]]), cursor: Buffer.from('v1:3').toString('base64url') });
  expect(await syncNow(worker)).toMatchObject({ state: 'idle', lastError: null });
  expect(await readAlumni(db, ['E9998'])).toEqual([null]);
  await vi.waitFor(() => expect(told).toEqual([61]));
});
