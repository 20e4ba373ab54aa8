import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from '../../utils/api';
import { csvBodyLimit, jsonBodyLimit } from '../../server/app';
import { demoIds } from '../../server/seed/demo-data';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';

const validIntroduction = () => ({
  id: randomUUID(),
  alumnusId: demoIds.taroYamada,
  kind: 'rehire',
  context: {},
  occurredAt: '2026-11-01T09:00:00Z',
});

describe.each(backends)('bad input on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
  });
  afterAll(() => server?.close());

  const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, token: string = tokens.recruiter) =>
    call(`${server.api}${path}`, { method: 'POST', token, body, headers });

  test('malformed JSON is 400 malformed_json', async () => {
    for (const body of ['{', '{"id": }', 'null,', "{'single': 'quotes'}", '']) {
      const reply = await post('/introductions', body);
      expect(reply.status, body).toBe(400);
      expect(ApiError.parse(reply.body).error.code).toBe('malformed_json');
    }
  });

  test('a body that is not JSON is 415', async () => {
    const reply = await post('/introductions', JSON.stringify(validIntroduction()), { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
    expect(reply.body.error.code).toBe('unsupported_media_type');
  });

  test('contract violations are 400 with every zod issue by field path', async () => {
    const cases: [string, unknown, (string | number)[][]][] = [
      ['/introductions', { ...validIntroduction(), id: 'not-a-uuid' }, [['id']]],
      ['/introductions', { ...validIntroduction(), kind: 'bribe', occurredAt: 'yesterday' }, [['kind'], ['occurredAt']]],
      ['/introductions', { ...validIntroduction(), context: { url: 'javascript:alert(1)' } }, [['context', 'url']]],
      ['/introductions', { ...validIntroduction(), note: 'x'.repeat(2001) }, [['note']]],
      ['/introductions', [], [[]]],
      ['/introductions', 'a string', [[]]],
    ];
    for (const [path, body, paths] of cases) {
      const reply = await post(path, JSON.stringify(body));
      expect(reply.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const error = ApiError.parse(reply.body).error;
      expect(error.code).toBe('invalid_request');
      expect(error.issues?.map((issue) => issue.path)).toEqual(paths);
      expect(error.issues?.every((issue) => issue.message.length > 0)).toBe(true);
    }
    const interest = await post('/interests', JSON.stringify({ id: randomUUID(), offerId: '', message: 5 }), undefined, tokens.alumni);
    expect(interest.status).toBe(400);
    expect(interest.body.error.issues.map((i: { path: string[] }) => i.path)).toEqual([['offerId'], ['message']]);
  });

  test('admin bodies are parsed with the contract too', async () => {
    const offer = await call(`${server.api}/admin/offers`, { token: tokens.admin, json: { title: 'x', kind: 'lottery', skills: 'all', contact: {} } });
    expect(offer.status).toBe(400);
    expect(offer.body.error.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['summary', 'kind', 'skills', 'contact.name']),
    );
    const patch = await call(`${server.api}/admin/offers/offer-audiense-dashboard`, { method: 'PATCH', token: tokens.admin, json: { status: 'maybe' } });
    expect(patch.status).toBe(400);
    const missing = await call(`${server.api}/admin/offers/offer-nope`, { method: 'PATCH', token: tokens.admin, json: { title: 'New' } });
    expect(missing.status).toBe(404);
    const org = await call(`${server.api}/admin/organizations/org-bad`, { method: 'PUT', token: tokens.admin, json: { name: 'Bad', aliases: [], domains: ['not a domain'], profileUrls: ['ftp://x'] } });
    expect(org.status).toBe(400);
    expect(org.body.error.issues.map((i: { path: (string | number)[] }) => i.path)).toEqual([['domains', 0], ['profileUrls', 0]]);
    const company = await call(`${server.api}/admin/company`, { method: 'PUT', token: tokens.admin, json: { name: '' } });
    expect(company.status).toBe(400);
    const longId = await call(`${server.api}/admin/alumni/${'x'.repeat(200)}`, { method: 'DELETE', token: tokens.admin });
    expect(longId.status).toBe(400);
    expect((await call(`${server.api}/admin/alumni/E9999`, { method: 'DELETE', token: tokens.admin })).status).toBe(404);
  });

  test('bad queries are 400: limits out of range, unknown cursors, a missing alumnusId', async () => {
    for (const query of ['limit=0', 'limit=5001', 'limit=ten', 'since=bogus', `since=${Buffer.from('v1:-1').toString('base64url')}`, `since=${'x'.repeat(300)}`]) {
      const reply = await call(`${server.api}/directory?${query}`, { token: tokens.sales });
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.issues.length).toBeGreaterThan(0);
    }
    const noAlumnus = await call(`${server.api}/introductions`, { token: tokens.sales });
    expect(noAlumnus.status).toBe(400);
    expect(noAlumnus.body.error.issues[0].path).toEqual(['alumnusId']);
  });

  test('NUL characters, which PostgreSQL cannot store, are 400 wherever they come in', async () => {
    const body = await post('/introductions', JSON.stringify({ ...validIntroduction(), note: 'a\u0000b' }));
    expect(body.status).toBe(400);
    expect(body.body.error.issues).toEqual([{ path: ['note'], message: 'NUL characters are not allowed' }]);
    const query = await call(`${server.api}/introductions?alumnusId=E1%00`, { token: tokens.sales });
    expect(query.status).toBe(400);
    const path = await call(`${server.api}/admin/alumni/E1%00`, { method: 'DELETE', token: tokens.admin });
    expect(path.status).toBe(400);
    const csv = await call(`${server.api}/admin/alumni/import`, {
      token: tokens.admin,
      body: 'employee_id,display_name,tenure_from,tenure_to,consent_recognition,consent_offers\nNUL-1,A\u0000B,2010-01,2011-01,yes,yes\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(422);
    expect(csv.body.report.errors).toEqual([{ line: 2, reason: 'contains a NUL character' }]);
  });

  test('bodies over the limit are 413, whether or not they announce their length', async () => {
    const big = JSON.stringify({ ...validIntroduction(), note: 'x'.repeat(jsonBodyLimit) });
    const announced = await post('/introductions', big);
    expect(announced.status).toBe(413);
    expect(announced.body.error.code).toBe('payload_too_large');
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(100_000)));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.api}/introductions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.recruiter}`, 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // A client announcing a file over the CSV limit is answered before it has sent more than a little of it.
    const csv = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${server.api}/admin/alumni/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'text/csv', 'content-length': String(csvBodyLimit + 1) },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body });
          request.destroy();
        });
      });
      request.on('error', reject);
      request.write('employee_id,display_name\n');
    });
    expect(csv.status).toBe(413);
    expect(JSON.parse(csv.body).error.code).toBe('payload_too_large');
  });

  test('unknown endpoints are 404 in the error shape', async () => {
    const reply = await call(`${server.api}/nothing-here`, { token: tokens.admin });
    expect(reply.status).toBe(404);
    expect(ApiError.parse(reply.body).error.code).toBe('not_found');
  });

  test('after all of that the server is still up and answering', async () => {
    const reply = await call(`${server.api}/introductions`, { token: tokens.recruiter, json: validIntroduction() });
    expect(reply.status).toBe(201);
    expect((await call(`${server.api}/health`)).status).toBe(200);
  });
});
