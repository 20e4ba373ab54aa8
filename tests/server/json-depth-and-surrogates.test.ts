import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from '../../utils/api';
import { demoIds } from '../../server/seed/demo-data';
import { MAX_JSON_DEPTH } from '../../server/http/json-limits';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';

const introduction = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  alumnusId: demoIds.taroYamada,
  kind: 'referral',
  context: {},
  occurredAt: '2026-11-01T09:00:00Z',
  ...extra,
});

describe.each(backends)('bodies that cost the server or that PostgreSQL cannot store, on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
  });
  afterAll(() => server?.close());

  const post = (path: string, body: string, token: string = tokens.recruiter) =>
    call(`${server.api}${path}`, { method: 'POST', token, body, headers: { 'content-type': 'application/json' } });
  const logged = async () => (await call(`${server.api}/introductions?alumnusId=${demoIds.taroYamada}`, { token: tokens.admin })).body.introductions.length;

  test('a megabyte of "[" is refused as too deeply nested before it is parsed', async () => {
    const reply = await post('/introductions', '['.repeat(1024 * 1024 - 16));
    expect(reply.status).toBe(400);
    expect(ApiError.parse(reply.body).error.code).toBe('too_deeply_nested');
  });

  test('valid JSON nested 400,000 levels deep (inside a field, or in an object key path) is 400, not 500', async () => {
    const deepArray = `{"note": ${'['.repeat(400_000)}${']'.repeat(400_000)}}`;
    const deepObject = `${'{"a":'.repeat(150_000)}1${'}'.repeat(150_000)}`;
    for (const body of [deepArray, deepObject]) {
      const reply = await post('/introductions', body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('too_deeply_nested');
    }
    expect((await call(`${server.api}/health`)).status).toBe(200);
  });

  test(`nesting up to ${MAX_JSON_DEPTH} levels is parsed and judged by the contract as usual`, async () => {
    const within = `{"note": ${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`;
    const reply = await post('/introductions', within);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid_request');
    // Brackets inside strings are text, not nesting.
    const note = '['.repeat(1000);
    const ok = await post('/introductions', JSON.stringify(introduction({ note })));
    expect(ok.status).toBe(201);
    expect(ok.body.note).toBe(note);
  });

  test('a lone surrogate ("\\ud800") in any string is 400 naming the field, and nothing is stored', async () => {
    const before = await logged();
    const cases: Array<[string, string, (string | number)[]]> = [
      ['/introductions', JSON.stringify(introduction({ note: 'Met at \ud800 the meetup' })), ['note']],
      ['/introductions', JSON.stringify(introduction({ context: { site: 'linkedin\udc00' } })), ['context', 'site']],
      ['/introductions', `{"id":"${randomUUID()}","alumnusId":"${demoIds.taroYamada}","kind":"other","context":{},"occurredAt":"2026-11-01T09:00:00Z","note":"\\ud83d"}`, ['note']],
      ['/introductions', `{"id":"${randomUUID()}","alumnusId":"${demoIds.taroYamada}","kind":"other","context":{"\\udfff":"x"},"occurredAt":"2026-11-01T09:00:00Z"}`, ['context', '\udfff']],
    ];
    for (const [path, body, at] of cases) {
      const reply = await post(path, body);
      expect(reply.status, body).toBe(400);
      expect(reply.body.error.issues[0].path).toEqual(at);
      expect(reply.body.error.issues[0].message).toMatch(/surrogate/);
    }
    expect(await logged()).toBe(before);
    // A real pair (an emoji) is fine.
    expect((await post('/introductions', JSON.stringify(introduction({ note: 'Great chat 😀' })))).status).toBe(201);
  });

  test('lone surrogates in admin bodies (offers, organisations, company) are 400 as well', async () => {
    const offer = { title: 'Talk \ud800', summary: '', kind: 'speaking', skills: [], contact: { name: 'Aiko Mori' } };
    expect((await post('/admin/offers', JSON.stringify(offer), tokens.admin)).status).toBe(400);
    const org = await call(`${server.api}/admin/organizations/org-x`, {
      method: 'PUT',
      token: tokens.admin,
      body: JSON.stringify({ name: 'Org', aliases: ['\udc01'], domains: [], profileUrls: [] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(org.status).toBe(400);
    expect(org.body.error.issues[0].path).toEqual(['aliases', 0]);
    const company = await call(`${server.api}/admin/company`, {
      method: 'PUT',
      token: tokens.admin,
      body: JSON.stringify({ name: 'Sakura \ud800', aliases: [], domains: [] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(company.status).toBe(400);
    expect((await call(`${server.api}/me`, { token: tokens.admin })).body.company.name).toBe('Sakura Digital');
  });
});
