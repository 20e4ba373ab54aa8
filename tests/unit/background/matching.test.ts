// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundWorker } from '../../../utils/background/worker';
import type { RunningServer } from '../../../server/index';
import { startDemoServer } from '../../support/demo-server';
import { demoOffers } from '../../../server/seed/demo-data';
import { configure, contentScriptSender, freshProfile, send, startWorker, syncNow } from './support/harness';

// Business matching in the worker against the real backend (PGlite in memory, demo seed): offers ranked with
// reasons on synced data, the showcase, meetings and suggestions through the outbox. Each test is one user.

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

const openOffers = demoOffers.filter((offer) => (offer.status ?? 'open') === 'open').length;
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function signIn(token: string) {
  await configure(server.url, token);
  worker = startWorker();
  expect((await syncNow(worker)).state).toBe('idle');
}

describe('an alumnus (山田 太郎, demo-alumni-token)', () => {
  it('sees offers ranked by fit to their showcase, employer and staff suggestions, with the reasons', async () => {
    await signIn('demo-alumni-token');
    const { offers, offerReasons = {} } = await send('ui:list-offers', {});
    expect(offers).toHaveLength(openOffers);
    expect(offers.slice(0, 3).map((offer) => offer.id)).toEqual(['offer-mirai-bank-mobile', 'offer-alumni-meetup-speaker', 'offer-audiense-dashboard']);
    expect(offerReasons['offer-alumni-meetup-speaker']).toEqual([{ code: 'suggested', params: { name: 'Kenji Watanabe' } }]);
    expect(offerReasons['offer-mirai-bank-mobile']).toEqual([
      { code: 'employer', params: { org: '株式会社みらい銀行' } },
      { code: 'skills', params: { skills: 'iOS, Security' } },
    ]);
    expect(offerReasons['offer-audiense-dashboard']).toEqual([{ code: 'skills', params: { skills: 'TypeScript' } }]);
    expect(offerReasons['offer-business-matching-2027']).toBeUndefined();
  });

  it('ranks offers on the company’s own site the same way', async () => {
    await signIn('demo-alumni-token');
    const site = {
      url: 'https://sakura-digital.example/',
      signals: { site: 'org-website', pageKind: 'org-website' as const, people: [], organizations: [{ name: 'Sakura Digital', domain: 'sakura-digital.example' }] },
    };
    const { organizations } = await send('page:match', site, contentScriptSender(3, 'https://sakura-digital.example/'));
    expect(organizations[0]?.offers[0]?.id).toBe('offer-mirai-bank-mobile');
    expect(organizations[0]?.offerReasons?.['offer-mirai-bank-mobile']?.map((reason) => reason.code)).toEqual(['employer', 'skills']);
  });

  it('reads and saves their showcase; the stored profile follows', async () => {
    await signIn('demo-alumni-token');
    const loaded = await send('ui:get-showcase', {});
    expect(loaded).toMatchObject({ offline: false, recognised: true, showcase: { businessName: '山田テック顧問', published: true } });
    const { published: _, updatedAt: __, ...input } = loaded.showcase!;
    const saved = await send('ui:save-showcase', { ...input, tags: { ...input.tags, skills: [...input.tags.skills, 'Kotlin'] }, published: true });
    expect(saved.showcase.tags.skills).toContain('Kotlin');
    expect((await (await worker.ready).db.get('meta', 'profile')) as { showcase: { tags: { skills: string[] } } }).toMatchObject({
      showcase: { tags: { skills: expect.arrayContaining(['Kotlin']) } },
    });
    await expect(send('ui:save-showcase', { ...input, businessName: '', published: true })).rejects.toThrow(/businessName/);
  });

  it('requests a meeting and answers the one waiting for them; the badge follows', async () => {
    await signIn('demo-alumni-token');
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(openOffers + 1));
    const requested = await send(
      'page:request-meeting',
      { offerId: 'offer-audiense-dashboard', message: 'Unit test request', proposedTimes: [inFuture(10), inFuture(11)] },
      contentScriptSender(),
    );
    expect(requested).toMatchObject({ kind: 'meeting', state: 'sent' });
    let { meetings, pending } = await send('page:meetings', {});
    expect(pending).toEqual([]);
    const mine = meetings.find((meeting) => meeting.id === requested.id);
    expect(mine).toMatchObject({ status: 'requested', awaiting: 'staff', offerTitle: 'Audience-insight dashboard for Audiense' });

    const proposal = meetings.find((meeting) => meeting.awaiting === 'alumnus')!;
    expect(proposal.requestedBy.name).toBe('Kenji Watanabe');
    // A step that does not fit is refused before anything is queued.
    await expect(send('page:meeting-step', { meetingId: proposal.id, step: { type: 'held', outcome: 'deal' } })).rejects.toThrow(/cannot record as held/);
    const accepted = await send('page:meeting-step', { meetingId: proposal.id, step: { type: 'accept', time: proposal.proposedTimes[1]! } });
    expect(accepted).toMatchObject({ kind: 'meeting-step', state: 'sent' });
    ({ meetings } = await send('page:meetings', {}));
    expect(meetings.find((meeting) => meeting.id === proposal.id)).toMatchObject({
      status: 'accepted',
      scheduledAt: proposal.proposedTimes[1],
      cards: { staff: { name: 'Kenji Watanabe', email: 'kenji.watanabe@sakura-digital.example' }, alumnus: { organization: '山田テック顧問' } },
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(openOffers));
    await expect(send('page:propose-meeting', { alumnusId: 'E1001', proposedTimes: [inFuture(3)] })).rejects.toThrow(/alumni role cannot/);
  });
});

describe('a recruiter (Kenji Watanabe)', () => {
  it('sees the offers that fit an alumnus with the reasons, never for one who declined offers', async () => {
    await signIn('demo-recruiter-token');
    const { fits } = await send('page:offer-fits', { alumnusId: 'E2005' }, contentScriptSender());
    expect(fits.map((fit) => fit.offer.id)).toEqual(['offer-audiense-dashboard']);
    expect(fits[0]!.reasons).toEqual([{ code: 'skills', params: { skills: 'TypeScript, Data visualisation, Product design' } }]);
    expect((await send('page:offer-fits', { alumnusId: 'E1014' }, contentScriptSender())).fits).toEqual([]);
  });

  it('sees, on an organisation, the alumni whose showcase or employer fits its offers', async () => {
    await signIn('demo-recruiter-token');
    const page = {
      url: 'https://www.linkedin.com/company/audiense/',
      signals: { site: 'linkedin', pageKind: 'company' as const, people: [], organizations: [{ name: 'Audiense', url: 'https://www.linkedin.com/company/audiense' }] },
    };
    const { organizations } = await send('page:match', page, contentScriptSender(4, page.url));
    const fitting = organizations[0]?.fittingAlumni ?? [];
    const ids = fitting.map((fit) => fit.alumnus.id);
    // Hannah Schmidt by her showcase; Marcos Ruiz and Julien Moreau work at Audiense.
    expect(ids.slice(0, 1)).toEqual(['E2005']);
    expect(ids).toEqual(expect.arrayContaining(['E2002', 'E2003']));
    expect(fitting.find((fit) => fit.alumnus.id === 'E2002')?.reasons[0]).toEqual({
      code: 'employer',
      params: { org: 'Audiense', offer: 'Audience-insight dashboard for Audiense' },
    });
  });

  it('suggests an offer and proposes a meeting through the outbox; the meetings with a person are listed', async () => {
    await signIn('demo-recruiter-token');
    // At least 山田 太郎's seeded request, which Kenji answers as his relationship owner.
    const { waitingMeetings = 0 } = await send('ui:get-status', {});
    expect(waitingMeetings).toBeGreaterThanOrEqual(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(waitingMeetings));
    const suggested = await send('page:suggest-offer', { alumnusId: 'E1010', offerId: 'offer-rehire-design-lead' }, contentScriptSender());
    expect(suggested).toMatchObject({ kind: 'suggestion', state: 'sent' });
    const proposed = await send('page:propose-meeting', { alumnusId: 'E1010', message: 'Design lead chat?', proposedTimes: [inFuture(5)] }, contentScriptSender());
    expect(proposed.state).toBe('sent');
    const { meetings } = await send('page:meetings', { alumnusId: 'E1010' }, contentScriptSender());
    expect(meetings.map((meeting) => [meeting.id, meeting.status, meeting.awaiting])).toEqual([[proposed.id, 'requested', 'alumnus']]);
    const taro = await send('page:meetings', { alumnusId: 'E1001' });
    expect(taro.meetings.map((meeting) => meeting.id)).toEqual(
      expect.arrayContaining(['8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e01', '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e02']),
    );
    expect(taro.meetings.every((meeting) => meeting.alumnusId === 'E1001')).toBe(true);
  });
});
