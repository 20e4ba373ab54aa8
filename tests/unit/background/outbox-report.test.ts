// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundWorker } from '../../../utils/background/worker';
import { configure, freshProfile, startWorker, syncNow } from './support/harness';
import { alumnus } from './support/records';
import { type ScriptedBackend, startScriptedBackend } from './support/scripted-backend';

let backend: ScriptedBackend;
let worker: BackgroundWorker;

beforeEach(async () => {
  freshProfile();
  backend = await startScriptedBackend();
});
afterEach(async () => {
  await worker?.stop();
  await backend.close();
});

describe('outbox report to the backend', () => {
  it('after each sync the client reports how many items wait and how many the backend refused, counts only', async () => {
    backend.upsert('directory', alumnus('r1'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    await syncNow(worker);
    expect(backend.statusReports.at(-1)).toEqual({ outbox: { pending: 0, failed: 0 } });

    backend.failPosts(422, 1, { error: { code: 'invalid', message: 'Unknown alumnus' } });
    const { outbox } = await worker.ready;
    const status = await outbox.logIntroduction({ alumnusId: 'r1', kind: 'referral', note: 'private note', context: {}, occurredAt: new Date().toISOString() });
    expect(status.state).toBe('failed');
    await syncNow(worker);
    expect(backend.statusReports.at(-1)).toEqual({ outbox: { pending: 0, failed: 1 } });
    expect(JSON.stringify(backend.statusReports)).not.toContain('private note');
  }, 30_000);

  it('a backend without the endpoint (404) changes nothing about the sync', async () => {
    backend.upsert('directory', alumnus('r2'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    backend.statusEndpoint = false;
    const result = await syncNow(worker);
    expect(backend.requests).toContain('POST /api/v1/clients/status');
    expect(result.state).toBe('idle');
    expect(result.lastError).toBeNull();
  }, 30_000);
});
