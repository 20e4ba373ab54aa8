// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundWorker } from '../../../utils/background/worker';
import type { RunningServer } from '../../../server/index';
import { startDemoServer } from '../../support/demo-server';
import { demoAlumni, demoOffers } from '../../../server/seed/demo-data';
import { configure, contentScriptSender, freshProfile, send, startWorker, syncNow } from './support/harness';

// The worker against the real backend (server/, PGlite in memory, demo seed) over HTTP on 127.0.0.1.

let server: RunningServer;
let worker: BackgroundWorker;

beforeAll(async () => {
  server = await startDemoServer();
}, 120_000);
afterAll(() => server?.close());
beforeEach(() => {
  freshProfile();
});
afterEach(() => worker?.stop());

const sofiaProfile = {
  url: 'https://www.linkedin.com/in/sofia-andersson-reyes',
  signals: {
    site: 'linkedin',
    pageKind: 'profile' as const,
    people: [
      {
        name: 'Sofia Andersson Reyes',
        profileUrl: 'https://www.linkedin.com/in/sofia-andersson-reyes',
        experience: [{ organization: 'Sakura Digital', from: '2009-04', to: '2011-08' }],
      },
    ],
    organizations: [],
  },
};

describe('background worker against the real backend', () => {
  it('syncs the consenting directory for a recruiter, recognises Sofia and logs exactly one introduction', async () => {
    await configure(server.url, 'demo-recruiter-token');
    worker = startWorker();
    const status = await syncNow(worker);
    expect(status).toMatchObject({ state: 'idle', lastError: null });
    const consenting = demoAlumni.filter((a) => a.consent.recognition).length;
    expect((await send('ui:get-status', {})).directorySize).toBe(consenting);

    const { people } = await send('page:match', sofiaProfile, contentScriptSender());
    expect(people[0]).toMatchObject({ confidence: 'confirmed', alumnus: { id: 'E2001', rehireEligible: true } });

    const logged = await send(
      'page:log-introduction',
      { alumnusId: 'E2001', kind: 'referral', note: 'Unit test referral', context: { url: sofiaProfile.url, site: 'linkedin' } },
      contentScriptSender(),
    );
    expect(logged.state).toBe('sent');
    // A retry of the same item (as after a lost answer) is absorbed by the backend's idempotency.
    await (await worker.ready).db.put('outbox', { ...(await (await worker.ready).db.get('outbox', logged.id))!, state: 'queued', nextAttemptAt: 0 });
    await (await worker.ready).outbox.flush();
    const { introductions } = await send('page:load-introductions', { alumnusId: 'E2001' }, contentScriptSender());
    expect(introductions.filter((i) => i.note === 'Unit test referral')).toHaveLength(1);
  });

  it('gives the alumni role open offers and the organisations they concern, no directory, with a badge of what waits for them', async () => {
    await configure(server.url, 'demo-alumni-token');
    worker = startWorker();
    expect((await syncNow(worker)).state).toBe('idle');
    const open = demoOffers.filter((o) => (o.status ?? 'open') === 'open').length;
    const concerned = new Set(demoOffers.filter((o) => (o.status ?? 'open') === 'open' && o.organizationId).map((o) => o.organizationId)).size;
    expect(concerned).toBeGreaterThan(0);
    // The demo seed has one meeting Kenji proposed to 山田 太郎, waiting for his answer: the badge counts it with the new offers.
    expect(await send('ui:get-status', {})).toMatchObject({ directorySize: 0, organizationsCount: concerned, openOffers: open, newOffers: open, waitingMeetings: 1 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(open + 1));
    expect(await fakeBrowser.action.getTitle({})).toBe(`Alumni Lens · 1 meeting request(s) · ${open} new offer(s)`);
    const interest = await send('page:express-interest', { offerId: 'offer-audiense-dashboard', message: 'I know their product' }, contentScriptSender());
    expect(interest.state).toBe('sent');
  });
});
