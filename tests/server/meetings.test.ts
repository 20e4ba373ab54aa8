import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Meeting, MeetingsPage, type MeetingSide, type MeetingStatus, type MeetingStep } from '../../utils/api';
import { demoIds } from '../../server/seed/demo-data';
import { meetingFunnel } from '../../server/store/meetings';
import { createToken } from '../../server/store/tokens';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens, type Reply } from './support/http';
import { syncFeed } from './support/sync';

const T1 = '2027-02-01T10:00:00+09:00';
const T2 = '2027-02-02T14:00:00+09:00';
const T3 = '2027-02-09T09:30:00+09:00';

describe.each(backends)('meetings (商談) on %s', (backend) => {
  let server: TestServer;
  /** Tokens for every kind of viewer the visibility rules tell apart. */
  let who: Record<'taro' | 'hanako' | 'kenji' | 'emily' | 'aiko' | 'yuki' | 'stranger' | 'kenjiNamesake', string>;
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
    who = {
      taro: tokens.alumni, // 山田 太郎 (E1001); relationship owner Kenji
      hanako: await createToken(server.db, 'alumni', '佐藤 花子', { alumnusId: demoIds.hanakoSato }),
      kenji: tokens.recruiter,
      emily: tokens.sales,
      aiko: tokens.admin,
      // The contact of offer-mirai-bank-mobile.
      yuki: await createToken(server.db, 'sales', '佐藤 由紀', { email: 'yuki.sato@sakura-digital.example' }),
      stranger: await createToken(server.db, 'recruiter', 'Other Recruiter', { email: 'other@sakura-digital.example' }),
      // Same name as Taro's owner but another person (another address): not the owner.
      kenjiNamesake: await createToken(server.db, 'sales', 'Kenji Watanabe', { email: 'kenji.watanabe@elsewhere.example' }),
    };
  });
  afterAll(() => server?.close());

  const post = (path: string, token: string, json: unknown) => call(`${server.api}${path}`, { token, json });
  const request = (token: string, overrides: Record<string, unknown> = {}) =>
    post('/meetings', token, { id: randomUUID(), offerId: 'offer-audiense-dashboard', message: 'I built dashboards like this.', proposedTimes: [T1, T2], ...overrides });
  const propose = (token: string, overrides: Record<string, unknown> = {}) =>
    post('/meetings', token, { id: randomUUID(), alumnusId: demoIds.taroYamada, message: 'Shall we talk?', proposedTimes: [T1, T2], ...overrides });
  const step = (token: string, meetingId: string, body: MeetingStep, id = randomUUID()) => post(`/meetings/${meetingId}/events`, token, { id, ...body });
  const created = (reply: Reply) => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return Meeting.parse(reply.body);
  };
  const visibleTo = async (token: string) => {
    const { pages } = await syncFeed<MeetingsPage>(`${server.api}/meetings`, token);
    return pages.flatMap((page) => MeetingsPage.parse(page).meetings);
  };

  test('an alumnus requests a meeting about an offer; it waits for staff and names who sees it and why', async () => {
    const meeting = created(await request(who.taro));
    expect(meeting).toMatchObject({
      alumnusId: demoIds.taroYamada,
      alumnusName: '山田 太郎',
      offerId: 'offer-audiense-dashboard',
      offerTitle: 'Audience-insight dashboard for Audiense',
      requestedBy: { side: 'alumnus', name: '山田 太郎' },
      status: 'requested',
      awaiting: 'staff',
      proposedTimes: [new Date(T1).toISOString(), new Date(T2).toISOString()],
      yourPart: ['alumnus'],
    });
    expect(meeting.history).toMatchObject([{ type: 'request', side: 'alumnus', by: '山田 太郎', text: 'I built dashboards like this.' }]);
    expect(meeting).not.toHaveProperty('cards');
    const forKenji = (await visibleTo(who.kenji)).find((m) => m.id === meeting.id);
    expect(forKenji?.yourPart).toEqual(['owner']);
  });

  test('visibility: the alumnus, the creating staff member, the offer’s contact, the relationship owner and admins; nobody else', async () => {
    // Emily proposes to 山田 太郎 about Mirai Bank's app (contact 佐藤 由紀); his owner is Kenji.
    const byStaff = created(await propose(who.emily, { offerId: 'offer-mirai-bank-mobile' }));
    // 山田 太郎 asks about the Spotify guild session (contact Emily).
    const byAlumnus = created(await request(who.taro, { offerId: 'offer-spotify-frontend-guild' }));
    const expected: Record<keyof typeof who, { sees: string[]; parts?: Record<string, string[]> }> = {
      taro: { sees: [byStaff.id, byAlumnus.id], parts: { [byStaff.id]: ['alumnus'] } },
      hanako: { sees: [] },
      kenji: { sees: [byStaff.id, byAlumnus.id], parts: { [byStaff.id]: ['owner'] } },
      emily: { sees: [byStaff.id, byAlumnus.id], parts: { [byStaff.id]: ['creator'], [byAlumnus.id]: ['contact'] } },
      aiko: { sees: [byStaff.id, byAlumnus.id], parts: { [byStaff.id]: ['admin'] } },
      yuki: { sees: [byStaff.id], parts: { [byStaff.id]: ['contact'] } },
      stranger: { sees: [] },
      kenjiNamesake: { sees: [] },
    };
    for (const [name, { sees, parts }] of Object.entries(expected) as [keyof typeof who, (typeof expected)[keyof typeof who]][]) {
      const visible = (await visibleTo(who[name])).filter((m) => m.id === byStaff.id || m.id === byAlumnus.id);
      expect(visible.map((m) => m.id).sort(), name).toEqual([...sees].sort());
      for (const [id, part] of Object.entries(parts ?? {})) expect(visible.find((m) => m.id === id)?.yourPart, `${name} ${id}`).toEqual(part);
      // Nobody who cannot see a meeting can act on it, or learn that it exists.
      for (const id of [byStaff.id, byAlumnus.id].filter((id) => !sees.includes(id))) {
        const attempt = await step(who[name], id, { type: 'cancel' });
        expect(attempt.status, `${name} acting on ${id}`).toBe(404);
      }
    }
  });

  test('staff see their meetings in the delta sync as they change; others never hear of them', async () => {
    const start = { kenji: (await syncFeed(`${server.api}/meetings`, who.kenji)).cursor, stranger: (await syncFeed(`${server.api}/meetings`, who.stranger)).cursor };
    const meeting = created(await request(who.taro, { offerId: 'offer-rehire-design-lead' }));
    await step(who.kenji, meeting.id, { type: 'accept', time: T2 });
    const kenji = await syncFeed<MeetingsPage>(`${server.api}/meetings`, who.kenji, start.kenji);
    expect(kenji.pages.flatMap((page) => page.meetings).map((m) => [m.id, m.status])).toEqual([[meeting.id, 'accepted']]);
    const stranger = await syncFeed<MeetingsPage>(`${server.api}/meetings`, who.stranger, start.stranger);
    expect(stranger.pages.flatMap((page) => [...page.meetings, ...page.removed])).toEqual([]);
    // Nothing changed since: the next delta is empty.
    const quiet = await syncFeed<MeetingsPage>(`${server.api}/meetings`, who.kenji, kenji.cursor);
    expect(quiet.pages.flatMap((page) => page.meetings)).toEqual([]);
    // Paging returns every visible meeting once.
    const all = await visibleTo(who.aiko);
    const paged = await syncFeed<MeetingsPage>(`${server.api}/meetings`, who.aiko, undefined, 2);
    expect(paged.pages.length).toBeGreaterThan(2);
    expect(paged.pages.flatMap((page) => page.meetings.map((m) => m.id)).sort()).toEqual(all.map((m) => m.id).sort());
  });

  test('accepting exchanges business cards: each side sees what the other chose to share', async () => {
    const meeting = created(await request(who.taro, { offerId: 'offer-alumni-meetup-speaker' }));
    const accepted = await step(who.kenji, meeting.id, { type: 'accept', time: T1 });
    expect(accepted.status).toBe(201);
    const forTaro = (await visibleTo(who.taro)).find((m) => m.id === meeting.id)!;
    expect(forTaro).toMatchObject({ status: 'accepted', scheduledAt: new Date(T1).toISOString() });
    expect(forTaro).not.toHaveProperty('awaiting');
    expect(forTaro.cards).toEqual({
      staff: { name: 'Kenji Watanabe', organization: 'Sakura Digital', email: 'kenji.watanabe@sakura-digital.example', phone: '+81 3-5555-0123' },
      alumnus: { name: '山田 太郎', organization: '山田テック顧問', email: 'taro@yamada-tech.example', website: 'https://yamada-tech.example' },
    });
    expect((await visibleTo(who.kenji)).find((m) => m.id === meeting.id)?.cards?.alumnus.email).toBe('taro@yamada-tech.example');
    // Before acceptance nothing is exchanged.
    expect(created(await request(who.taro))).not.toHaveProperty('cards');
  });

  // Every step by each side in every state; open meetings proposed by either side (in a final state it makes no difference).
  const statuses: MeetingStatus[] = ['requested', 'accepted', 'declined', 'held', 'cancelled'];
  const steps: Record<MeetingStep['type'], MeetingStep> = {
    accept: { type: 'accept', time: T2 },
    decline: { type: 'decline', reason: 'Not now' },
    'propose-times': { type: 'propose-times', times: [T3], message: 'Later?' },
    held: { type: 'held', outcome: 'follow-up', note: 'Send a proposal' },
    cancel: { type: 'cancel', reason: 'Postponed' },
  };
  const cases: Array<[MeetingStatus, MeetingSide, MeetingStep['type'], MeetingSide]> = [];
  for (const status of statuses) {
    for (const proposer of status === 'requested' || status === 'accepted' ? (['alumnus', 'staff'] as const) : (['alumnus'] as const)) {
      for (const type of Object.keys(steps) as MeetingStep['type'][]) {
        for (const actor of ['alumnus', 'staff'] as const) cases.push([status, proposer, type, actor]);
      }
    }
  }
  const other = (side: MeetingSide) => (side === 'alumnus' ? 'staff' : 'alumnus');
  /** What the machine allows (written out independently of utils/meetings/machine.ts). */
  function allowed(status: MeetingStatus, proposer: MeetingSide, type: MeetingStep['type'], actor: MeetingSide): MeetingStatus | null {
    if (status === 'declined' || status === 'held' || status === 'cancelled') return null;
    if (type === 'cancel') return 'cancelled';
    if (type === 'propose-times') return 'requested';
    if (type === 'held') return actor === 'staff' && status === 'accepted' ? 'held' : null;
    if (status !== 'requested' || actor === proposer) return null;
    return type === 'accept' ? 'accepted' : 'declined';
  }

  test.each(cases)('%s (proposed by %s): %s by %s', async (status, proposer, type, actor) => {
    const token = (side: MeetingSide) => (side === 'alumnus' ? who.taro : who.kenji);
    const meeting = created(proposer === 'alumnus' ? await request(who.taro) : await propose(who.kenji));
    const reach: Record<MeetingStatus, Array<[MeetingSide, MeetingStep]>> = {
      requested: [],
      accepted: [[other(proposer), steps.accept]],
      declined: [[other(proposer), steps.decline]],
      cancelled: [[proposer, steps.cancel]],
      held: [[other(proposer), steps.accept], ['staff', steps.held]],
    };
    for (const [side, body] of reach[status]) expect((await step(token(side), meeting.id, body)).status).toBe(201);

    const reply = await step(token(actor), meeting.id, steps[type]);
    const next = allowed(status, proposer, type, actor);
    if (next) {
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      expect(Meeting.parse(reply.body).status).toBe(next);
      expect(reply.body.history.at(-1)).toMatchObject({ type, side: actor });
    } else {
      expect(reply.status, JSON.stringify(reply.body)).toBe(409);
      expect(reply.body.error.code).toBe('invalid_transition');
      expect(reply.body.error.message.length).toBeGreaterThan(20);
      // Refused steps change nothing.
      const [stored] = await server.db.query<{ status: string; steps: number }>(
        `SELECT state ->> 'status' AS status, (SELECT count(*)::int FROM meeting_events WHERE meeting_id = $1) AS steps FROM meetings WHERE id = $1`,
        [meeting.id],
      );
      expect(stored).toEqual({ status, steps: reach[status].length });
    }
  });

  test('accept must choose one of the proposed times, and says which ones were proposed', async () => {
    const meeting = created(await request(who.taro));
    const reply = await step(who.kenji, meeting.id, { type: 'accept', time: T3 });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining(new Date(T1).toISOString()) });
    // The same instant written another way is that time.
    expect((await step(who.kenji, meeting.id, { type: 'accept', time: new Date(T1).toISOString() })).status).toBe(201);
  });

  test('meetings are idempotent by id: same body 200, different body or another user 409, concurrent duplicates stored once', async () => {
    const body = { id: randomUUID(), offerId: 'offer-audiense-dashboard', message: 'Once', proposedTimes: [T1] };
    const first = await post('/meetings', who.taro, body);
    expect(first.status).toBe(201);
    const again = await post('/meetings', who.taro, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await post('/meetings', who.taro, { ...body, message: 'Twice' })).status).toBe(409);
    expect((await post('/meetings', who.hanako, body)).status).toBe(409);

    const burst = { id: randomUUID(), alumnusId: demoIds.taroYamada, proposedTimes: [T1, T2, T3] };
    const replies = await Promise.all(Array.from({ length: 20 }, () => post('/meetings', who.emily, burst)));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(19);
    expect(await server.db.query('SELECT id FROM meetings WHERE id = $1', [burst.id])).toHaveLength(1);
  });

  test('steps are idempotent by their own id, even after the meeting moved on; concurrent steps store one each', async () => {
    const meeting = created(await request(who.taro));
    const accept = { id: randomUUID(), type: 'accept', time: T1 } as const;
    expect((await post(`/meetings/${meeting.id}/events`, who.kenji, accept)).status).toBe(201);
    const held = { id: randomUUID(), type: 'held', outcome: 'deal', note: 'Signed' } as const;
    expect((await post(`/meetings/${meeting.id}/events`, who.kenji, held)).status).toBe(201);
    // A retry of the accept (its answer was lost) is answered with the meeting as it is now.
    const retry = await post(`/meetings/${meeting.id}/events`, who.kenji, accept);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ status: 'held', outcome: 'deal' });
    expect((await post(`/meetings/${meeting.id}/events`, who.kenji, { ...accept, time: T2 })).status).toBe(409);
    expect((await post(`/meetings/${meeting.id}/events`, who.aiko, accept)).status).toBe(409);
    const elsewhere = created(await request(who.taro));
    expect((await post(`/meetings/${elsewhere.id}/events`, who.kenji, accept)).body.error.code).toBe('id_conflict');

    const burst = { id: randomUUID(), type: 'propose-times', times: [T3] } as const;
    const replies = await Promise.all(Array.from({ length: 15 }, () => post(`/meetings/${elsewhere.id}/events`, who.taro, burst)));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(14);
    expect(await server.db.query('SELECT id FROM meeting_events WHERE id = $1', [burst.id])).toHaveLength(1);
    const history = (await visibleTo(who.taro)).find((m) => m.id === elsewhere.id)!.history;
    expect(history.map((entry) => entry.type)).toEqual(['request', 'propose-times']);

    // Two different answers at once: exactly one fits, the other is refused with the reason.
    const race = created(await request(who.taro));
    const [a, b] = await Promise.all([step(who.kenji, race.id, { type: 'accept', time: T2 }), step(who.aiko, race.id, { type: 'decline' })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('invalid_transition');
  });

  test('bad input is 400 with the issues named; unknown meetings 404', async () => {
    const bad: Array<[string, string, unknown, string[]]> = [
      ['/meetings', who.taro, { id: randomUUID(), offerId: 'offer-audiense-dashboard', proposedTimes: [T1, T2, T3, '2027-02-10T10:00:00Z'] }, ['proposedTimes']],
      ['/meetings', who.taro, { id: randomUUID(), offerId: 'offer-audiense-dashboard', proposedTimes: [T1, new Date(T1).toISOString()] }, ['proposedTimes']],
      ['/meetings', who.taro, { id: randomUUID(), offerId: 'offer-audiense-dashboard', proposedTimes: [] }, ['proposedTimes']],
      ['/meetings', who.taro, { id: 'abc', offerId: 'offer-audiense-dashboard', proposedTimes: ['next Tuesday'] }, ['id', 'proposedTimes.0']],
      ['/meetings', who.taro, { id: randomUUID(), proposedTimes: [T1] }, ['offerId']],
      ['/meetings', who.kenji, { id: randomUUID(), proposedTimes: [T1] }, ['alumnusId']],
      ['/meetings', who.kenji, { id: randomUUID(), alumnusId: demoIds.taroYamada, proposedTimes: [T1], message: 'x'.repeat(2001) }, ['message']],
    ];
    for (const [path, token, body, paths] of bad) {
      const reply = await post(path, token, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
      expect(reply.body.error.issues.map((issue: { path: string[] }) => issue.path.join('.'))).toEqual(expect.arrayContaining(paths));
    }
    const meeting = created(await request(who.taro));
    const badSteps: Array<[unknown, string]> = [
      [{ id: randomUUID(), type: 'reschedule' }, 'type'],
      [{ id: randomUUID(), type: 'accept' }, 'time'],
      [{ id: randomUUID(), type: 'held', outcome: 'great' }, 'outcome'],
      [{ id: randomUUID(), type: 'propose-times', times: [] }, 'times'],
      [{ type: 'cancel' }, 'id'],
    ];
    for (const [body, path] of badSteps) {
      const reply = await post(`/meetings/${meeting.id}/events`, who.kenji, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.issues.map((issue: { path: string[] }) => issue.path.join('.'))).toContain(path);
    }
    const badPath = await post('/meetings/not-a-uuid/events', who.kenji, { id: randomUUID(), type: 'cancel' });
    expect(badPath.status).toBe(400);
    expect(badPath.body.error.issues[0].path).toEqual(['id']);
    expect((await post(`/meetings/${randomUUID()}/events`, who.kenji, { id: randomUUID(), type: 'cancel' })).status).toBe(404);
    expect((await call(`${server.api}/meetings?since=garbage`, { token: who.kenji })).status).toBe(400);
  });

  test('who may start a meeting: alumni about open offers for themselves; staff with alumni who agreed to offers', async () => {
    const refusals: Array<[Promise<Reply>, number, string]> = [
      [request(who.taro, { offerId: demoIds.closedOffer }), 409, 'offer_closed'],
      [request(who.taro, { offerId: 'offer-nope' }), 404, 'not_found'],
      [request(who.taro, { alumnusId: demoIds.hanakoSato }), 403, 'forbidden'],
      [request(await createToken(server.db, 'alumni', 'Unlinked')), 409, 'token_not_linked'],
      [propose(who.kenji, { alumnusId: 'E1014' }), 409, 'no_offers_consent'],
      [propose(who.kenji, { alumnusId: demoIds.karimSaleh }), 404, 'not_found'],
      [propose(who.kenji, { offerId: demoIds.closedOffer }), 409, 'offer_closed'],
    ];
    for (const [pending, status, code] of refusals) {
      const reply = await pending;
      expect(reply.status, code).toBe(status);
      expect(reply.body.error.code).toBe(code);
    }
    // A meeting without an offer is fine from staff.
    expect(created(await propose(who.kenji))).not.toHaveProperty('offerId');
  });

  test('the demo seed holds meetings in each state, and the funnel counts them', async () => {
    const all = await visibleTo(who.aiko);
    const seeded = all.filter((m) => m.id.startsWith('8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e'));
    expect(seeded.map((m) => [m.alumnusName, m.status, m.outcome ?? null]).sort()).toEqual(
      [
        ['山田 太郎', 'requested', null],
        ['山田 太郎', 'requested', null],
        ['渡辺 翔太', 'accepted', null],
        ['Hannah Schmidt', 'held', 'deal'],
        ['山本 恵', 'declined', null],
        // The programme office's autumn, for the console's funnel.
        ['鈴木 一郎', 'held', 'follow-up'],
        ['中村 由美', 'held', 'deal'],
        ['Priya Raman', 'cancelled', null],
        ['森 結衣', 'held', 'deal'],
        ['山本 恵', 'held', 'no-deal'],
        ['大野 浩二', 'accepted', null],
      ].sort(),
    );
    const funnel = await meetingFunnel(server.db);
    const count = (status: MeetingStatus) => all.filter((m) => m.status === status).length;
    expect(funnel).toMatchObject({ requested: count('requested'), accepted: count('accepted'), declined: count('declined'), held: count('held'), cancelled: count('cancelled') });
    expect(funnel.outcomes.deal).toBe(all.filter((m) => m.outcome === 'deal').length);
  });

  test('erasing an alumnus removes their meetings from every client on its next sync', async () => {
    const hanakoMeeting = created(await request(who.hanako, { offerId: 'offer-spotify-frontend-guild' }));
    const before = { hanako: (await syncFeed(`${server.api}/meetings`, who.hanako)).cursor, emily: (await syncFeed(`${server.api}/meetings`, who.emily)).cursor };
    expect((await call(`${server.api}/admin/alumni/${demoIds.hanakoSato}`, { method: 'DELETE', token: who.aiko })).status).toBe(204);
    // Staff clients drop the meeting; the alumna's own token ended with the erasure, so her client reads nothing more.
    const { pages } = await syncFeed<MeetingsPage>(`${server.api}/meetings`, who.emily, before.emily);
    expect(pages.flatMap((page) => page.removed)).toEqual([hanakoMeeting.id]);
    expect((await call(`${server.api}/meetings?since=${encodeURIComponent(before.hanako)}`, { token: who.hanako })).status).toBe(401);
    expect(JSON.stringify(await visibleTo(who.aiko))).not.toContain('佐藤 花子');
    expect(await server.db.query('SELECT * FROM meeting_events WHERE meeting_id = $1', [hanakoMeeting.id])).toEqual([]);
  });
});
