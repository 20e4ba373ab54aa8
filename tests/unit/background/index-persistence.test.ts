// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundWorker } from '../../../utils/background/worker';
import { getMeta } from '../../../utils/db';
import * as recognition from '../../../utils/recognition';
import { configure, contentScriptSender, freshProfile, send, startWorker, syncNow } from './support/harness';
import { alumnus } from './support/records';
import { type ScriptedBackend, startScriptedBackend } from './support/scripted-backend';

// Spies on the real engine: the test must tell "loaded the serialised index" from "rebuilt it".
vi.mock('../../../utils/recognition', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../utils/recognition')>();
  return { ...real, buildIndex: vi.fn(real.buildIndex), loadIndex: vi.fn(real.loadIndex) };
});

let backend: ScriptedBackend;
let worker: BackgroundWorker;

beforeEach(async () => {
  freshProfile();
  backend = await startScriptedBackend();
  vi.mocked(recognition.buildIndex).mockClear();
  vi.mocked(recognition.loadIndex).mockClear();
});
afterEach(async () => {
  await worker.stop();
  await backend.close();
});

const sofia = {
  site: 'linkedin',
  pageKind: 'profile' as const,
  people: [{ name: 'Sofia Andersson Reyes', profileUrl: 'https://www.linkedin.com/in/sofia-andersson-reyes' }],
  organizations: [],
};
const match = () => send('page:match', { url: 'https://www.linkedin.com/in/sofia-andersson-reyes', signals: sofia }, contentScriptSender());

describe('recognition index persistence', () => {
  it('is saved after a sync and loaded, not rebuilt, by a freshly woken worker', async () => {
    backend.upsert('directory', alumnus('E2001'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    await syncNow(worker);
    const db = (await worker.ready).db;
    const stored = await getMeta(db, 'index');
    expect(stored?.dataVersion).toBe(await getMeta(db, 'dataVersion'));

    await worker.stop();
    vi.mocked(recognition.buildIndex).mockClear();
    worker = startWorker();
    expect((await match()).people.map((p) => p.alumnus.id)).toEqual(['E2001']);
    expect(recognition.loadIndex).toHaveBeenCalledTimes(1);
    expect(recognition.buildIndex).not.toHaveBeenCalled();
  });

  it('follows delta syncs incrementally, without a rebuild', async () => {
    backend.upsert('directory', alumnus('E2001'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    await syncNow(worker);
    expect((await match()).people).toHaveLength(1);
    vi.mocked(recognition.buildIndex).mockClear();

    backend.remove('directory', 'E2001');
    await syncNow(worker);
    expect((await match()).people).toEqual([]);
    expect(recognition.buildIndex).not.toHaveBeenCalled();

    // And the persisted form carries the removal into the next worker.
    await worker.stop();
    worker = startWorker();
    expect((await match()).people).toEqual([]);
  });

  it('rebuilds from the stored records when the saved index is stale or unreadable', async () => {
    backend.upsert('directory', alumnus('E2001'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    await syncNow(worker);
    const db = (await worker.ready).db;
    await db.put('meta', { serialized: 'not an index', dataVersion: (await getMeta(db, 'dataVersion'))! }, 'index');

    await worker.stop();
    vi.mocked(recognition.buildIndex).mockClear();
    worker = startWorker();
    expect((await match()).people.map((p) => p.alumnus.id)).toEqual(['E2001']);
    expect(recognition.buildIndex).toHaveBeenCalledTimes(1);
  });
});
