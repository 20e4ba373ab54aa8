// @vitest-environment node
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { BackgroundWorker } from '../../../utils/background/worker';
import { configure, freshProfile, send, startWorker, syncNow } from './support/harness';
import { organization } from './support/records';
import { type ScriptedBackend, startScriptedBackend } from './support/scripted-backend';

let backend: ScriptedBackend;
let worker: BackgroundWorker;

beforeEach(async () => {
  freshProfile();
  backend = await startScriptedBackend();
  await configure(backend.url, 'recruiter-token');
  worker = startWorker();
});
afterEach(async () => {
  await worker.stop();
  await backend.close();
});

it('never asks for access to every site under a public suffix, even when a backend sends one as a domain', async () => {
  backend.upsert('organizations', organization('org-suffix', { domains: ['co.jp', 'github.io', 'audiense.com'] }));
  await syncNow(worker);
  const { patterns } = await send('ui:organization-patterns', {});
  expect(patterns).toContain('https://audiense.com/*');
  expect(patterns.filter((p) => /co\.jp|github\.io/.test(p))).toEqual([]);
});
