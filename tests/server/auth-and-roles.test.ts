import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Alumnus, DirectoryPage, Me } from '../../utils/api';
import { demoIds } from '../../server/seed/demo-data';
import { hashToken } from '../../server/store/tokens';
import { createToken } from '../../server/store/tokens';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';

describe.each(backends)('authentication and roles on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
  });
  afterAll(() => server?.close());

  test('health needs no token and names the database', async () => {
    const reply = await call(`${server.api}/health`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok', database: backend });
  });

  test.each([
    ['no Authorization header', {}],
    ['an unknown token', { authorization: 'Bearer not-a-real-token' }],
    ['a Basic scheme', { authorization: 'Basic ZGVtbzpkZW1v' }],
    ['a bearer header without a token', { authorization: 'Bearer ' }],
  ])('%s is answered 401 in the error shape', async (_, headers) => {
    for (const path of ['/me', '/directory', '/organizations', '/offers', '/introductions?alumnusId=E1001']) {
      const reply = await call(`${server.api}${path}`, { headers });
      expect(reply.status, path).toBe(401);
      expect(reply.body.error.code).toBe('unauthorized');
      expect(reply.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  test('each role gets 403 on endpoints that are not its own', async () => {
    const forbidden: [keyof typeof tokens, string, string][] = [
      ['alumni', 'GET', '/directory'],
      ['alumni', 'GET', '/introductions?alumnusId=E1001'],
      ['alumni', 'POST', '/introductions'],
      ['sales', 'POST', '/interests'],
      ['recruiter', 'POST', '/interests'],
      ['sales', 'GET', '/interests'],
      ['sales', 'POST', '/admin/alumni/import'],
      ['recruiter', 'POST', '/admin/offers'],
      ['alumni', 'PUT', '/admin/organizations/org-x'],
      ['recruiter', 'DELETE', '/admin/alumni/E1001'],
    ];
    for (const [role, method, path] of forbidden) {
      const reply = await call(`${server.api}${path}`, { method, token: tokens[role], json: method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect(reply.status, `${role} ${method} ${path}`).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
  });

  test('/me names the user, the role and the company’s own names', async () => {
    for (const [role, token] of Object.entries(tokens)) {
      const reply = await call(`${server.api}/me`, { token });
      expect(reply.status).toBe(200);
      const me = Me.parse(reply.body);
      expect(me.user.role).toBe(role);
      expect(me.company.name).toBe('Sakura Digital');
      expect(me.company.aliases).toEqual(expect.arrayContaining(['株式会社さくらデジタル', 'Sakura Soft', 'サクラソフト']));
      expect(me.company.domains).toEqual(['sakura-digital.example']);
    }
  });

  test('rehire eligibility is served to recruiters and admins only', async () => {
    const sofia = async (token: string) => {
      const page = DirectoryPage.parse((await call(`${server.api}/directory?limit=5000`, { token })).body);
      return page.alumni.find((a) => a.id === demoIds.sofiaAnderssonReyes) as Alumnus;
    };
    expect((await sofia(tokens.recruiter)).rehireEligible).toBe(true);
    expect((await sofia(tokens.admin)).rehireEligible).toBe(true);
    const forSales = await sofia(tokens.sales);
    expect(forSales.relationshipOwner?.name).toBe('Kenji Watanabe');
    expect(forSales).not.toHaveProperty('rehireEligible');
  });

  test('a created token works with its role, and only its SHA-256 hash is stored', async () => {
    const token = await createToken(server.db, 'sales', 'New Salesperson');
    const me = await call(`${server.api}/me`, { token });
    expect(me.body.user).toEqual({ name: 'New Salesperson', role: 'sales' });
    expect((await call(`${server.api}/admin/offers`, { token, json: {} })).status).toBe(403);
    const stored = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE name = $1', ['New Salesperson']);
    expect(stored).toEqual([{ token_hash: hashToken(token) }]);
    const everything = JSON.stringify(await server.db.query('SELECT * FROM api_tokens'));
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('demo-admin-token');
  });

  test('CORS answers browser-extension origins only, preflight included', async () => {
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://6f1c2a1e-0d7b-4b59-9d1e-3f7f2b1a9c11']) {
      const preflight = await fetch(`${server.api}/introductions`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      const get = await fetch(`${server.api}/me`, { headers: { origin, authorization: `Bearer ${tokens.sales}` } });
      expect(get.headers.get('access-control-allow-origin')).toBe(origin);
    }
    for (const origin of ['https://www.linkedin.com', 'http://127.0.0.1:9999', 'chrome-extension://x/../evil']) {
      const preflight = await fetch(`${server.api}/introductions`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
      const get = await fetch(`${server.api}/me`, { headers: { origin, authorization: `Bearer ${tokens.sales}` } });
      expect(get.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});
