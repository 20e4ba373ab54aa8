import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Interest, Introduction } from '../../utils/api';
import { demoIds } from '../../server/seed/demo-data';
import { createToken } from '../../server/store/tokens';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';

const introduction = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  alumnusId: demoIds.sofiaAnderssonReyes,
  kind: 'referral',
  note: 'Met at the Stockholm frontend meetup',
  context: { url: 'https://www.linkedin.com/in/sofia-andersson-reyes', site: 'linkedin' },
  occurredAt: '2026-11-20T10:15:00+09:00',
  ...overrides,
});

describe.each(backends)('idempotent logging on %s', (backend) => {
  let server: TestServer;
  const count = async (table: string, id: string) =>
    Number((await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, [id]))[0].n);
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
  });
  afterAll(() => server?.close());

  test('a new introduction is 201; the same id and body again is 200 with the stored record and nothing new', async () => {
    const body = introduction();
    const first = await call(`${server.api}/introductions`, { token: tokens.recruiter, json: body });
    expect(first.status).toBe(201);
    const stored = Introduction.parse(first.body);
    expect(stored).toMatchObject({ ...body, loggedBy: 'Kenji Watanabe' });
    const again = await call(`${server.api}/introductions`, { token: tokens.recruiter, json: body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await count('introductions', body.id)).toBe(1);
    const listed = await call(`${server.api}/introductions?alumnusId=${demoIds.sofiaAnderssonReyes}`, { token: tokens.sales });
    expect(listed.status).toBe(200);
    expect(listed.body.introductions.filter((i: Introduction) => i.id === body.id)).toEqual([first.body]);
  });

  test('the same id with a different body, or from another user, is 409 and changes nothing', async () => {
    const body = introduction();
    const first = await call(`${server.api}/introductions`, { token: tokens.recruiter, json: body });
    expect(first.status).toBe(201);
    const changed = await call(`${server.api}/introductions`, { token: tokens.recruiter, json: { ...body, note: 'something else' } });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('id_conflict');
    const otherUser = await call(`${server.api}/introductions`, { token: tokens.sales, json: body });
    expect(otherUser.status).toBe(409);
    const listed = await call(`${server.api}/introductions?alumnusId=${body.alumnusId}`, { token: tokens.recruiter });
    expect(listed.body.introductions.find((i: Introduction) => i.id === body.id)).toEqual(first.body);
  });

  test('twenty concurrent duplicates store exactly one introduction: one 201, the rest 200', async () => {
    const body = introduction({ kind: 'sales-introduction', alumnusId: demoIds.marcosRuiz, context: { organizationId: demoIds.audiense } });
    const replies = await Promise.all(Array.from({ length: 20 }, () => call(`${server.api}/introductions`, { token: tokens.sales, json: body })));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await count('introductions', body.id)).toBe(1);
  });

  test('concurrent requests with one id but different bodies store one; the others get 409', async () => {
    const id = randomUUID();
    const replies = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((note) => call(`${server.api}/introductions`, { token: tokens.recruiter, json: introduction({ id, note }) })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await count('introductions', id)).toBe(1);
  });

  test('introductions about unknown, non-consenting or erased alumni are 404', async () => {
    for (const alumnusId of ['E9999', demoIds.karimSaleh]) {
      const reply = await call(`${server.api}/introductions`, { token: tokens.recruiter, json: introduction({ alumnusId }) });
      expect(reply.status, alumnusId).toBe(404);
      expect(reply.body.error.code).toBe('not_found');
      expect((await call(`${server.api}/introductions?alumnusId=${alumnusId}`, { token: tokens.recruiter })).status).toBe(404);
    }
    // A retry of an introduction stored before the alumnus was erased is still answered as a retry.
    const body = introduction({ alumnusId: 'E2016' });
    expect((await call(`${server.api}/introductions`, { token: tokens.recruiter, json: body })).status).toBe(201);
    expect((await call(`${server.api}/admin/alumni/E2016`, { method: 'DELETE', token: tokens.admin })).status).toBe(204);
    expect((await call(`${server.api}/introductions`, { token: tokens.recruiter, json: body })).status).toBe(200);
    expect((await call(`${server.api}/introductions`, { token: tokens.recruiter, json: introduction({ alumnusId: 'E2016' }) })).status).toBe(404);
  });

  test('interests: 201 then 200 for a retry, 409 for a changed body, one row under concurrency', async () => {
    const body = { id: randomUUID(), offerId: 'offer-audiense-dashboard', message: 'I worked on their API in 2016.' };
    const first = await call(`${server.api}/interests`, { token: tokens.alumni, json: body });
    expect(first.status).toBe(201);
    expect(Interest.parse(first.body)).toMatchObject({ ...body, submittedBy: '山田 太郎' });
    const retry = await call(`${server.api}/interests`, { token: tokens.alumni, json: body });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await call(`${server.api}/interests`, { token: tokens.alumni, json: { ...body, message: 'changed' } })).status).toBe(409);

    const burst = { id: randomUUID(), offerId: 'offer-alumni-meetup-speaker' };
    const replies = await Promise.all(Array.from({ length: 12 }, () => call(`${server.api}/interests`, { token: tokens.alumni, json: burst })));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(11);
    expect(await count('interests', burst.id)).toBe(1);
  });

  test('interests in unknown offers are 404, in closed offers 409', async () => {
    const unknown = await call(`${server.api}/interests`, { token: tokens.alumni, json: { id: randomUUID(), offerId: 'offer-nope' } });
    expect(unknown.status).toBe(404);
    const closed = await call(`${server.api}/interests`, { token: tokens.alumni, json: { id: randomUUID(), offerId: demoIds.closedOffer } });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('offer_closed');
  });

  test('an alumnus reads only their own interests; an admin reads everyone’s', async () => {
    const otherAlumnus = await createToken(server.db, 'alumni', 'Hanako Sato');
    const mine = { id: randomUUID(), offerId: 'offer-rehire-design-lead', message: 'Would love to come back' };
    const theirs = { id: randomUUID(), offerId: 'offer-rehire-design-lead' };
    expect((await call(`${server.api}/interests`, { token: tokens.alumni, json: mine })).status).toBe(201);
    expect((await call(`${server.api}/interests`, { token: otherAlumnus, json: theirs })).status).toBe(201);
    const ownList = (await call(`${server.api}/interests`, { token: otherAlumnus })).body.interests.map((i: Interest) => i.id);
    expect(ownList).toEqual([theirs.id]);
    const demoList = (await call(`${server.api}/interests`, { token: tokens.alumni })).body.interests.map((i: Interest) => i.id);
    expect(demoList).toContain(mine.id);
    expect(demoList).not.toContain(theirs.id);
    const adminList = await call(`${server.api}/interests?offerId=offer-rehire-design-lead`, { token: tokens.admin });
    expect(adminList.body.interests.map((i: Interest) => i.id).sort()).toEqual([mine.id, theirs.id].sort());
  });
});
