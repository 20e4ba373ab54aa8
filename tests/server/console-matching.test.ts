import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MeetingsPage, type Meeting } from '../../utils/api';
import { AlumnusDetail, MeetingList, Overview } from '../../utils/api/console';
import { demoIds } from '../../server/seed/demo-data';
import { createToken } from '../../server/store/tokens';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { asConsole, signIn } from './support/console';
import { alumnusRow, importCsv, toCsv } from './support/csv';
import { call, tokens } from './support/http';
import { syncFeed } from './support/sync';

// Business matching in the console's API: the meetings funnel and meetings per offer (as each viewer may see
// them), showcase publication, an alumnus's showcase and meetings, the meetings export, and erasure of it all.

const T1 = '2027-03-01T10:00:00+09:00';
const T2 = '2027-03-02T14:00:00+09:00';

describe.each(backends)('business matching in the console on %s', (backend) => {
  let server: TestServer;
  /** Same name as 山田 太郎's relationship owner, another person (another address). */
  let kenjiNamesake: string;
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
    kenjiNamesake = await createToken(server.db, 'sales', 'Kenji Watanabe', { email: 'kenji.watanabe@elsewhere.example' });
  });
  afterAll(() => server?.close());

  const overviewFor = async (token: string) => Overview.parse((await call(`${server.api}/console/overview`, { token })).body);
  const detailFor = async (id: string, token: string) => AlumnusDetail.parse((await call(`${server.api}/console/alumni/${id}`, { token })).body);
  const visibleMeetings = async (token: string) => {
    const { pages } = await syncFeed<MeetingsPage>(`${server.api}/meetings`, token);
    return pages.flatMap((page) => MeetingsPage.parse(page).meetings);
  };
  /** The funnel worked out from the meetings themselves: a stage counts every meeting whose history reached it. */
  const funnelOf = (meetings: Meeting[]) => ({
    requested: meetings.length,
    accepted: meetings.filter((m) => m.history.some((h) => h.type === 'accept')).length,
    held: meetings.filter((m) => m.status === 'held').length,
    deal: meetings.filter((m) => m.outcome === 'deal').length,
    followUp: meetings.filter((m) => m.outcome === 'follow-up').length,
    noDeal: meetings.filter((m) => m.outcome === 'no-deal').length,
    awaitingAnswer: meetings.filter((m) => m.status === 'requested').length,
    declined: meetings.filter((m) => m.status === 'declined').length,
    cancelled: meetings.filter((m) => m.status === 'cancelled').length,
  });
  const perOffer = (meetings: Meeting[]) => {
    const counts = new Map<string, number>();
    for (const m of meetings) if (m.offerId) counts.set(m.offerId, (counts.get(m.offerId) ?? 0) + 1);
    return counts;
  };

  test('the demo seed gives the overview a living funnel, interests and meetings per offer, and showcase publication', async () => {
    const admin = await overviewFor(tokens.admin);
    expect(admin.meetings).toEqual({ requested: 11, accepted: 8, held: 5, deal: 3, followUp: 1, noDeal: 1, awaitingAnswer: 2, declined: 1, cancelled: 1 });
    expect(admin.showcases).toEqual({ published: 5, unpublished: 1 });
    const offer = (id: string) => admin.offers.find((o) => o.id === id);
    expect(offer('offer-business-matching-2027')).toMatchObject({ interests: 6, meetings: 4 });
    expect(offer('offer-audiense-dashboard')).toMatchObject({ interests: 3, meetings: 2 });
    // Introductions over the last year, in every kind, most of them in its second half.
    const kinds = new Set(admin.introductionsByMonth.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['collaboration', 'other', 'referral', 'rehire', 'sales-introduction']);
    expect(new Set(admin.introductionsByMonth.map((m) => m.month)).size).toBeGreaterThanOrEqual(11);
    const total = admin.introductionsByMonth.reduce((sum, m) => sum + m.count, 0);
    expect(total).toBeGreaterThanOrEqual(80);
    // The alumni who answered have their own tokens, and their clients synced lately.
    expect(admin.freshness!.clientsByDay.reduce((sum, d) => sum + d.count, 0)).toBeGreaterThanOrEqual(10);
  });

  test('each viewer’s funnel and meetings per offer count exactly the meetings they may see; interests and showcases are for admins', async () => {
    // A meeting accepted and then cancelled still reached acceptance.
    const meeting = await call(`${server.api}/meetings`, {
      token: tokens.recruiter,
      json: { id: randomUUID(), alumnusId: demoIds.taroYamada, offerId: 'offer-rehire-design-lead', proposedTimes: [T1, T2] },
    });
    expect(meeting.status).toBe(201);
    const step = (token: string, body: object) => call(`${server.api}/meetings/${meeting.body.id}/events`, { token, json: { id: randomUUID(), ...body } });
    expect((await step(tokens.alumni, { type: 'accept', time: T2 })).status).toBe(201);
    expect((await step(tokens.alumni, { type: 'cancel', reason: 'Travelling' })).status).toBe(201);

    for (const [who, token] of Object.entries({ admin: tokens.admin, recruiter: tokens.recruiter, sales: tokens.sales, namesake: kenjiNamesake })) {
      const seen = await visibleMeetings(token);
      const overview = await overviewFor(token);
      expect(overview.meetings, who).toEqual(funnelOf(seen));
      const counts = perOffer(seen);
      for (const offer of overview.offers) expect(offer.meetings, `${who}: ${offer.id}`).toBe(counts.get(offer.id) ?? 0);
      if (who !== 'admin') {
        expect(overview.offers.every((o) => o.interests === undefined), who).toBe(true);
        expect(overview, who).not.toHaveProperty('showcases');
      }
    }
    const recruiter = await overviewFor(tokens.recruiter);
    expect(recruiter.meetings.accepted).toBeGreaterThanOrEqual(1);
    expect(recruiter.meetings.cancelled).toBeGreaterThanOrEqual(1);
    expect((await overviewFor(kenjiNamesake)).meetings.requested).toBe(0);
  });

  test('publishing a showcase counts at once; an unpublished one counts as private and stays out of the detail', async () => {
    const before = (await overviewFor(tokens.admin)).showcases!;
    const own = await createToken(server.db, 'alumni', '田中 健太', { alumnusId: 'E1005' });
    const showcase = {
      businessName: 'Tanaka Cloud Consulting',
      offering: 'Cloud cost reviews.',
      tags: { skills: ['AWS'], industries: [], services: [] },
      sharedContact: {},
      published: false,
    };
    expect((await call(`${server.api}/me/showcase`, { method: 'PUT', token: own, json: showcase })).status).toBe(200);
    expect((await overviewFor(tokens.admin)).showcases).toEqual({ published: before.published, unpublished: before.unpublished + 1 });
    expect((await detailFor('E1005', tokens.admin)).alumnus).not.toHaveProperty('showcase');
    expect((await call(`${server.api}/me/showcase`, { method: 'PUT', token: own, json: { ...showcase, published: true } })).status).toBe(200);
    expect((await overviewFor(tokens.admin)).showcases).toEqual({ published: before.published + 1, unpublished: before.unpublished });
    for (const token of [tokens.admin, tokens.recruiter, tokens.sales]) {
      expect((await detailFor('E1005', token)).alumnus.showcase).toMatchObject({ businessName: 'Tanaka Cloud Consulting', published: true });
    }
  });

  test("an alumnus's detail has their published showcase and the meetings the viewer may see, by token or console session", async () => {
    const allWithTaro = (await visibleMeetings(tokens.admin)).filter((m) => m.alumnusId === demoIds.taroYamada).map((m) => m.id).sort();
    expect(allWithTaro.length).toBeGreaterThanOrEqual(2);
    const admin = await detailFor(demoIds.taroYamada, tokens.admin);
    expect(admin.alumnus.showcase).toMatchObject({ businessName: '山田テック顧問', published: true });
    expect(admin.meetings.map((m) => m.id).sort()).toEqual(allWithTaro);
    expect(admin.meetings.every((m) => m.yourPart.includes('admin'))).toBe(true);

    // Kenji owns the relationship: he sees them all, by token and by his console session alike.
    const kenjiSees = (await visibleMeetings(tokens.recruiter)).filter((m) => m.alumnusId === demoIds.taroYamada).map((m) => m.id).sort();
    expect(kenjiSees).toEqual(allWithTaro);
    expect((await detailFor(demoIds.taroYamada, tokens.recruiter)).meetings.map((m) => m.id).sort()).toEqual(kenjiSees);
    const kenjiSession = await signIn(server.url, tokens.recruiter);
    const bySession = AlumnusDetail.parse((await asConsole(kenjiSession, `${server.api}/console/alumni/${demoIds.taroYamada}`)).body);
    expect(bySession.meetings.map((m) => m.id).sort()).toEqual(kenjiSees);

    // Another Kenji Watanabe (another address) is not the owner: nothing, by token or by session (matched by e-mail).
    expect((await detailFor(demoIds.taroYamada, kenjiNamesake)).meetings).toEqual([]);
    const namesakeSession = await signIn(server.url, kenjiNamesake);
    const namesakeDetail = AlumnusDetail.parse((await asConsole(namesakeSession, `${server.api}/console/alumni/${demoIds.taroYamada}`)).body);
    expect(namesakeDetail.meetings).toEqual([]);
    expect(Overview.parse((await asConsole(namesakeSession, `${server.api}/console/overview`)).body).meetings.requested).toBe(0);

    // Emily sees her accepted meeting with 渡辺 翔太 (E1007), with the business cards, and none of the programme office's.
    const shota = await detailFor('E1007', tokens.sales);
    expect(shota.meetings.map((m) => [m.status, m.yourPart])).toEqual([['accepted', ['creator', 'owner']]]);
    expect(shota.meetings[0]!.cards?.staff.name).toBe('Emily Carter');
    expect((await detailFor('E1012', tokens.sales)).meetings).toEqual([]);
    expect((await detailFor('E1012', tokens.admin)).meetings.map((m) => m.status).sort()).toEqual(['declined', 'held']);
  });

  test('meetings per offer: what each viewer may see, newest first; an unknown offer is 404, alumni are refused', async () => {
    const url = (id: string) => `${server.api}/console/offers/${id}/meetings`;
    for (const token of [tokens.admin, tokens.recruiter, tokens.sales]) {
      const expected = (await visibleMeetings(token)).filter((m) => m.offerId === 'offer-business-matching-2027').map((m) => m.id).sort();
      const listed = MeetingList.parse((await call(url('offer-business-matching-2027'), { token })).body).meetings;
      expect(listed.map((m) => m.id).sort()).toEqual(expected);
      const created = listed.map((m) => m.createdAt);
      expect(created).toEqual([...created].sort().reverse());
    }
    expect(MeetingList.parse((await call(url('offer-business-matching-2027'), { token: tokens.admin })).body).meetings).toHaveLength(4);
    expect((await call(url('offer-nope'), { token: tokens.admin })).status).toBe(404);
    expect((await call(url('offer-business-matching-2027'), { token: tokens.alumni })).status).toBe(403);
  });

  test('meetings export: UTF-8 with BOM, one row per meeting, cells a spreadsheet would run as formulas arrive as text', async () => {
    const hostile = await call(`${server.api}/meetings`, {
      token: tokens.recruiter,
      json: { id: randomUUID(), alumnusId: 'E1005', message: '=HYPERLINK("https://evil.example","click")', proposedTimes: [T1] },
    });
    expect(hostile.status).toBe(201);
    const own = await createToken(server.db, 'alumni', '田中 健太', { alumnusId: 'E1005' });
    const step = (token: string, body: object) => call(`${server.api}/meetings/${hostile.body.id}/events`, { token, json: { id: randomUUID(), ...body } });
    expect((await step(own, { type: 'accept', time: T1 })).status).toBe(201);
    expect((await step(tokens.recruiter, { type: 'held', outcome: 'follow-up', note: '+81 3 1234 (call back)' })).status).toBe(201);

    const response = await fetch(`${server.api}/admin/exports/meetings.csv`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="meetings-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1)) as string[][];
    expect(header).toEqual([
      'id', 'requested_at', 'updated_at', 'status', 'awaiting', 'alumnus_id', 'alumnus_name', 'offer_id', 'offer_title', 'requested_by',
      'requested_by_side', 'proposed_times', 'scheduled_at', 'outcome', 'message', 'outcome_note', 'steps', 'erased',
    ]);
    expect(rows).toHaveLength((await visibleMeetings(tokens.admin)).length);
    const cell = (row: string[], column: string) => row[header.indexOf(column)];
    const row = rows.find((r) => r[0] === hostile.body.id)!;
    expect(cell(row, 'message')).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(cell(row, 'outcome_note')).toBe("'+81 3 1234 (call back)");
    expect([cell(row, 'status'), cell(row, 'outcome'), cell(row, 'alumnus_name'), cell(row, 'requested_by'), cell(row, 'steps')]).toEqual([
      'held', 'follow-up', '田中 健太', 'Kenji Watanabe', '2',
    ]);
    const waiting = rows.find((r) => r[0] === '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e01')!;
    expect([cell(waiting, 'status'), cell(waiting, 'awaiting'), cell(waiting, 'requested_by_side')]).toEqual(['requested', 'staff', 'alumnus']);
    expect(cell(waiting, 'proposed_times').split('; ')).toHaveLength(2);
    expect((await fetch(`${server.api}/admin/exports/meetings.csv`, { headers: { authorization: `Bearer ${tokens.recruiter}` } })).status).toBe(403);
  });

  test('erasing an alumnus from the console removes the showcase, suggestions and meeting steps, tombstones the meetings, and the audit counts them', async () => {
    const id = `MATCH-${randomUUID().slice(0, 8).toUpperCase()}`;
    expect((await importCsv(server.api, toCsv([alumnusRow(id, { display_name: '消去 次郎', latin: 'Jiro Shokyo' })]))).status).toBe(200);
    const own = await createToken(server.db, 'alumni', '消去 次郎', { alumnusId: id });
    const showcase = { businessName: 'Shokyo Design', offering: 'Brand design.', tags: { skills: ['Branding'], industries: [], services: [] }, sharedContact: { email: 'jiro@shokyo.example' }, published: true };
    expect((await call(`${server.api}/me/showcase`, { method: 'PUT', token: own, json: showcase })).status).toBe(200);
    expect((await call(`${server.api}/suggestions`, { token: tokens.recruiter, json: { id: randomUUID(), alumnusId: id, offerId: 'offer-audiense-dashboard' } })).status).toBe(201);
    const asked = await call(`${server.api}/meetings`, { token: own, json: { id: randomUUID(), offerId: 'offer-audiense-dashboard', message: 'Jiro here', proposedTimes: [T1] } });
    const proposed = await call(`${server.api}/meetings`, { token: tokens.recruiter, json: { id: randomUUID(), alumnusId: id, message: 'Coffee?', proposedTimes: [T1, T2] } });
    expect([asked.status, proposed.status]).toEqual([201, 201]);
    expect((await call(`${server.api}/meetings/${proposed.body.id}/events`, { token: own, json: { id: randomUUID(), type: 'accept', time: T2 } })).status).toBe(201);

    const before = await overviewFor(tokens.admin);
    const detail = await detailFor(id, tokens.admin);
    expect(detail.alumnus.showcase?.businessName).toBe('Shokyo Design');
    expect(detail.meetings).toHaveLength(2);
    const staffCursor = (await syncFeed(`${server.api}/meetings`, tokens.recruiter)).cursor;

    // The admin erases from the console: cookie, same-origin Origin, CSRF token.
    const admin = await signIn(server.url, tokens.admin);
    expect((await asConsole(admin, `${server.api}/admin/alumni/${id}`, { method: 'DELETE' })).status).toBe(204);

    const meetingIds = [asked.body.id, proposed.body.id];
    expect(await server.db.query('SELECT 1 FROM showcases WHERE alumnus_id = $1', [id])).toEqual([]);
    expect(await server.db.query('SELECT 1 FROM suggestions WHERE alumnus_id = $1', [id])).toEqual([]);
    expect(await server.db.query('SELECT 1 FROM meeting_events WHERE meeting_id = ANY($1::uuid[])', [meetingIds])).toEqual([]);
    const tombstones = await server.db.query<Record<string, unknown>>(
      'SELECT body, state, alumnus_name, offer_title, created_by_name, created_by_email, staff_card, cards, deleted_at IS NOT NULL AS erased FROM meetings WHERE id = ANY($1::uuid[])',
      [meetingIds],
    );
    expect(tombstones).toHaveLength(2);
    for (const row of tombstones) {
      expect(row).toEqual({ body: {}, state: {}, alumnus_name: '', offer_title: null, created_by_name: '', created_by_email: null, staff_card: null, cards: null, erased: true });
    }
    // Clients drop the meetings on their next sync; the console shows nothing of them.
    const { pages } = await syncFeed<MeetingsPage>(`${server.api}/meetings`, tokens.recruiter, staffCursor);
    expect(pages.flatMap((page) => page.removed).sort()).toEqual([...meetingIds].sort());
    expect((await call(`${server.api}/console/alumni/${id}`, { token: tokens.admin })).status).toBe(404);
    const after = await overviewFor(tokens.admin);
    expect(after.meetings.requested).toBe(before.meetings.requested - 2);
    expect(after.meetings.accepted).toBe(before.meetings.accepted - 1);
    expect(after.showcases!.published).toBe(before.showcases!.published - 1);
    const exported = await (await fetch(`${server.api}/admin/exports/meetings.csv`, { headers: { authorization: `Bearer ${tokens.admin}` } })).text();
    for (const gone of [id, '消去 次郎', 'Jiro here', 'Coffee?', 'jiro@shokyo.example']) expect(exported).not.toContain(gone);
    for (const meetingId of meetingIds) expect(exported).toMatch(new RegExp(`"${meetingId}","[^"]+"(,""){15},"yes"`));

    const audit = (await call(`${server.api}/admin/audit?limit=5`, { token: tokens.admin })).body.entries;
    const erasure = audit.find((entry: { action: string }) => entry.action === 'alumnus.erase');
    expect(erasure.details).toEqual({
      introductionsAnonymised: 0,
      interestsRemoved: 0,
      tokensRevoked: 1,
      showcasesRemoved: 1,
      suggestionsRemoved: 1,
      meetingsErased: 2,
      meetingStepsRemoved: 1,
    });
    expect(erasure).not.toHaveProperty('target');
  });
});
