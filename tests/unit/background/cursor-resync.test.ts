// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { BackgroundWorker } from '../../../utils/background/worker';
import { type RunningServer, startServer } from '../../../server/index';
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
  server = await startServer({ port: 0, inMemory: true, seed: 'demo' });
}, 120_000);
afterAll(() => server?.close());
beforeEach(() => {
  freshProfile();
});
afterEach(() => worker?.stop());

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
