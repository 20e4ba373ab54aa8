// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackendClient } from '../../../utils/backend';
import { type Database, openDatabase } from '../../../utils/db';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, createOutbox, GIVE_UP_AFTER_MS, OUTBOX_ALARM, retryDelay } from '../../../utils/outbox';
import { type ScriptedBackend, startScriptedBackend } from './support/scripted-backend';

let backend: ScriptedBackend;
let db: Database;
let clock: number;
let backendUp: boolean;

beforeAll(async () => {
  backend = await startScriptedBackend();
});
afterAll(() => backend.close());
beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
  clock = Date.parse('2026-11-27T10:00:00Z');
  backendUp = true;
  backend.posted.clear();
  backend.postCount = 0;
  backend.clearFailures();
});

/** A worker's outbox; a new one over the same database is what a restarted worker gets. */
function outbox() {
  return createOutbox({
    db,
    now: () => clock,
    random: () => 0.5,
    getClient: async () =>
      createBackendClient({ apiUrl: backendUp ? backend.url : 'http://127.0.0.1:9', token: 'recruiter-token' }),
  });
}

const referral = { alumnusId: 'a1', kind: 'referral' as const, note: 'Met at the alumni night', context: { site: 'linkedin' }, occurredAt: '2026-11-27T10:00:00.000Z' };

describe('outbox', () => {
  it('writes the item before the network call and marks it sent on success', async () => {
    const status = await outbox().logIntroduction(referral);
    expect(status).toMatchObject({ kind: 'introduction', state: 'sent', attempts: 1 });
    expect(backend.posted.get(status.id)).toMatchObject({ id: status.id, alumnusId: 'a1', note: 'Met at the alumni night' });
    expect(await db.get('outbox', status.id)).toMatchObject({ state: 'sent', body: { alumnusId: 'a1' } });
  });

  it('keeps an item queued across a backend outage and a restarted worker, then delivers it exactly once', async () => {
    backendUp = false;
    const queued = await outbox().logIntroduction(referral);
    expect(queued.state).toBe('queued');
    expect(queued.nextAttemptAt).toBe(clock + retryDelay(1, () => 0.5));
    const alarm = await fakeBrowser.alarms.get(OUTBOX_ALARM);
    expect(alarm?.scheduledTime).toBe(queued.nextAttemptAt);

    // The worker is stopped: only IndexedDB remains. The backend comes back; the alarm fires.
    backendUp = true;
    clock = queued.nextAttemptAt!;
    const restarted = outbox();
    await restarted.flush();
    expect((await restarted.statuses([queued.id]))[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(backend.posted.size).toBe(1);
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });

  it('does not retry before the backoff is due', async () => {
    backendUp = false;
    const queued = await outbox().logIntroduction(referral);
    backendUp = true;
    clock += 1000;
    await outbox().flush();
    expect((await outbox().statuses([queued.id]))[0].state).toBe('queued');
    expect(backend.postCount).toBe(0);
  });

  it('retries 5xx, 408 and 429 and a dropped connection, doubling the wait each time', async () => {
    backend.failPosts(503, 1);
    backend.failPosts(429, 1);
    backend.failPosts(408, 1);
    backend.failPosts(0, 1);
    const box = outbox();
    const first = await box.expressInterest({ offerId: 'o1', message: 'Happy to help' });
    const waits: number[] = [first.nextAttemptAt! - clock];
    for (let i = 0; i < 3; i++) {
      clock = (await box.statuses([first.id]))[0].nextAttemptAt!;
      await box.flush();
      const status = (await box.statuses([first.id]))[0];
      expect(status.state).toBe('queued');
      waits.push(status.nextAttemptAt! - clock);
    }
    expect(waits).toEqual([1, 2, 3, 4].map((n) => retryDelay(n, () => 0.5)));
    clock = (await box.statuses([first.id]))[0].nextAttemptAt!;
    await box.flush();
    expect((await box.statuses([first.id]))[0]).toMatchObject({ state: 'sent', attempts: 5 });
    expect(backend.posted.size).toBe(1);
  });

  it('makes a 4xx other than 408/429 final, with the server reason', async () => {
    backend.failPosts(422, 1, { error: { code: 'invalid', message: 'This offer is closed' } });
    const status = await outbox().expressInterest({ offerId: 'closed-offer' });
    expect(status).toMatchObject({ state: 'failed', error: 'This offer is closed', attempts: 1 });
    expect(status.nextAttemptAt).toBeUndefined();
    expect(await outbox().failed()).toHaveLength(1);
    clock += BACKOFF_CAP_MS * 2;
    await outbox().flush();
    expect(backend.postCount).toBe(0);
  });

  // The rule over every status class, not one example each: the backend asking to come back later, or failing, is
  // retried; a refusal of the request itself is final (shown to the user, never sent again by itself).
  it.each([408, 429, 500, 502, 503, 504])('retries an answer of HTTP %i later, and delivers the item then', async (status) => {
    backend.failPosts(status, 1, { error: { code: 'later', message: `HTTP ${status}` } });
    const first = await outbox().expressInterest({ offerId: 'o1' });
    expect(first).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: clock + retryDelay(1, () => 0.5) });
    clock = first.nextAttemptAt!;
    await outbox().flush();
    expect((await outbox().statuses([first.id]))[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(backend.posted.size).toBe(1);
  });

  it.each([400, 401, 403, 404, 409, 413, 422])('makes an answer of HTTP %i final: failed, refused, never sent again by itself', async (status) => {
    backend.failPosts(status, 1, { error: { code: 'refused', message: `HTTP ${status}` } });
    const item = await outbox().expressInterest({ offerId: 'o1' });
    expect(item).toMatchObject({ state: 'failed', stopped: 'refused', attempts: 1 });
    expect(item.nextAttemptAt).toBeUndefined();
    clock += BACKOFF_CAP_MS * 2;
    await outbox().flush();
    expect(backend.postCount).toBe(0);
  });

  it('after 7 days of 5xx answers an item becomes "failed, not sent" with the last answer, and is not retried again by itself', async () => {
    backend.failPosts(503, 1_000, { error: { code: 'unavailable', message: 'Maintenance until Monday' } });
    const box = outbox();
    const queued = await box.logIntroduction(referral);
    const started = clock;
    // The alarm keeps firing at each backoff, as the worker would, until the item gives up.
    for (let status = queued; status.state === 'queued'; status = (await box.statuses([queued.id]))[0]) {
      expect(clock - started).toBeLessThan(GIVE_UP_AFTER_MS + BACKOFF_CAP_MS);
      clock = status.nextAttemptAt!;
      await box.flush();
    }
    const failed = (await box.statuses([queued.id]))[0];
    expect(failed).toMatchObject({ state: 'failed', stopped: 'expired', error: 'The alumni backend failed (HTTP 503): Maintenance until Monday' });
    expect(clock - started).toBeGreaterThanOrEqual(GIVE_UP_AFTER_MS);
    expect(await box.failed()).toEqual([failed]);
    // No alarm and no attempt any more: it waits for the user.
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
    const posts = backend.postCount;
    clock += GIVE_UP_AFTER_MS;
    await box.flush();
    expect(backend.postCount).toBe(posts);
    expect(await db.get('outbox', queued.id)).toMatchObject({ state: 'failed', body: { note: 'Met at the alumni night' } });
  });

  it('Retry queues a failed item again with a fresh 7 days and sends it at once; Discard deletes only failed items', async () => {
    backend.failPosts(422, 1, { error: { code: 'invalid', message: 'Unknown alumnus' } });
    const box = outbox();
    const refused = await box.logIntroduction(referral);
    expect(refused).toMatchObject({ state: 'failed', stopped: 'refused' });
    clock += GIVE_UP_AFTER_MS * 2;
    const retried = await box.retry(refused.id);
    expect(retried).toMatchObject({ state: 'sent', attempts: 1 });
    expect(backend.posted.get(refused.id)).toMatchObject({ alumnusId: 'a1' });

    // A retry that meets an outage stays queued (its 7 days start again from the retry).
    backend.failPosts(422, 1, { error: { code: 'invalid', message: 'Unknown alumnus' } });
    const again = await box.logIntroduction(referral);
    backendUp = false;
    expect(await box.retry(again.id)).toMatchObject({ state: 'queued', attempts: 1 });
    clock += GIVE_UP_AFTER_MS - BACKOFF_CAP_MS * 2;
    await box.flush();
    expect((await box.statuses([again.id]))[0].state).toBe('queued');

    // Discard: a queued item is never thrown away; a failed one is, and only when the user says so.
    expect(await box.discard(again.id)).toBe(false);
    expect(await db.get('outbox', again.id)).toBeDefined();
    backendUp = true;
    backend.failPosts(403, 1, { error: { code: 'forbidden', message: 'Not your alumnus' } });
    const forbidden = await box.logIntroduction(referral);
    expect(await box.discard(forbidden.id)).toBe(true);
    expect(await db.get('outbox', forbidden.id)).toBeUndefined();
    expect(await box.failed()).toEqual([]);
  });

  it('delivers a meeting request before its steps: a step waits while its request waits for a retry, other items do not', async () => {
    backend.failPosts(503, 1);
    backend.postOrder.length = 0;
    const box = outbox();
    const request = await box.requestMeeting({ alumnusId: 'a1', message: 'Coffee?', proposedTimes: ['2027-01-12T01:00:00.000Z'] });
    expect(request).toMatchObject({ kind: 'meeting', state: 'queued', attempts: 1 });
    const step = await box.meetingStep(request.id, { type: 'propose-times', times: ['2027-01-13T01:00:00.000Z'] });
    // Due, but held back: the backend does not have its meeting yet (it would answer 404, for good).
    expect(step).toMatchObject({ kind: 'meeting-step', state: 'queued', attempts: 0 });
    const unrelated = await box.logIntroduction(referral);
    expect(unrelated.state).toBe('sent');

    // A restarted worker keeps the order.
    clock = request.nextAttemptAt!;
    await outbox().flush();
    expect(await outbox().statuses([request.id, step.id])).toMatchObject([{ state: 'sent' }, { state: 'sent' }]);
    expect(backend.postOrder).toEqual([`meetings ${request.id}`, `meetings/${request.id}/events ${step.id}`]);
  });

  it('sends an item again that a stopped worker left "sending"; the id keeps the backend to one copy', async () => {
    const status = await outbox().logIntroduction(referral);
    // As if the worker died after the POST reached the backend but before it wrote "sent".
    const record = await db.get('outbox', status.id);
    await db.put('outbox', { ...record!, state: 'sending' });
    await outbox().flush();
    expect((await outbox().statuses([status.id]))[0].state).toBe('sent');
    expect(backend.postCount).toBe(2);
    expect(backend.posted.size).toBe(1);
  });
});

describe('retry delay', () => {
  it('grows exponentially from 30 s, is capped at an hour, and is jittered within the upper half of its step', () => {
    expect(retryDelay(1, () => 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(retryDelay(1, () => 1)).toBe(BACKOFF_BASE_MS);
    expect(retryDelay(3, () => 1)).toBe(BACKOFF_BASE_MS * 4);
    expect(retryDelay(30, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(retryDelay(30, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});
