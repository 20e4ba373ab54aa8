import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IntroductionKind } from '../../utils/api';
import { demoIds } from '../../server/seed/demo-data';
import { visibleIntroductionKinds } from '../../server/store/introduction-visibility';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';

// Who reads which introductions through GET /introductions: the matrix of kind × role, plus one's own.

type Staff = 'admin' | 'recruiter' | 'sales';
const staff: Staff[] = ['admin', 'recruiter', 'sales'];

describe.each(backends)('introduction visibility per kind and role on %s', (backend) => {
  let server: TestServer;
  /** note → [author role, kind] of every introduction logged below */
  const logged = new Map<string, [Staff, string]>();

  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
    // Every staff role logs one introduction of every kind for the same alumnus.
    for (const author of staff) {
      for (const kind of IntroductionKind.options) {
        const note = `${author} ${kind}${kind === 'rehire' ? ' — Rehire eligible: YES, Payments wants her back' : ''}`;
        const reply = await call(`${server.api}/introductions`, {
          token: tokens[author],
          json: { id: randomUUID(), alumnusId: demoIds.taroYamada, kind, note, context: {}, occurredAt: '2026-11-01T09:00:00Z' },
        });
        expect(reply.status).toBe(201);
        logged.set(note, [author, kind]);
      }
    }
  });
  afterAll(() => server?.close());

  const read = async (role: Staff) => {
    const reply = await call(`${server.api}/introductions?alumnusId=${demoIds.taroYamada}`, { token: tokens[role] });
    expect(reply.status).toBe(200);
    return (reply.body.introductions as Array<{ note: string; kind: string }>).map((intro) => intro.note);
  };

  test('the documented matrix: admin and recruiter read every kind; sales every kind but rehire', () => {
    expect(visibleIntroductionKinds).toEqual({
      admin: ['referral', 'rehire', 'sales-introduction', 'collaboration', 'other'],
      recruiter: ['referral', 'rehire', 'sales-introduction', 'collaboration', 'other'],
      sales: ['referral', 'sales-introduction', 'collaboration', 'other'],
    });
  });

  for (const reader of staff) {
    test(`${reader} reads exactly: the kinds the role reads, from anyone, plus every introduction they logged`, async () => {
      const expected = [...logged]
        .filter(([, [author, kind]]) => author === reader || visibleIntroductionKinds[reader].includes(kind as never))
        .map(([note]) => note)
        .sort();
      expect((await read(reader)).sort()).toEqual(expected);
    });
  }

  test("sales never read another person's rehire note", async () => {
    const notes = await read('sales');
    expect(notes.filter((note) => note.includes('Rehire eligible') && !note.startsWith('sales'))).toEqual([]);
    expect(notes).toContain('sales rehire — Rehire eligible: YES, Payments wants her back');
  });

  test('the alumni role reads none (403)', async () => {
    const reply = await call(`${server.api}/introductions?alumnusId=${demoIds.taroYamada}`, { token: tokens.alumni });
    expect(reply.status).toBe(403);
  });
});
