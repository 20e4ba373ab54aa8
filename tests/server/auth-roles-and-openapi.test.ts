import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Alumnus, DirectoryPage, Me } from '../../utils/api';
import { demoIds } from '../../server/seed/demo-data';
import { createApp } from '../../server/app';
import { createToken, hashToken, revokeTokens } from '../../server/store/tokens';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';
import { readFileSync } from 'node:fs';

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe.each(backends)('authentication, roles and the OpenAPI document on %s', (backend) => {
  let server: TestServer;
  let openapi: any;
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
    const reply = await call(`${server.api}/openapi.json`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/application\/json/);
    openapi = reply.body;
  });
  afterAll(() => server?.close());

  test('health needs no token and names the database and the version', async () => {
    const reply = await call(`${server.api}/health`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok', database: backend, version: packageVersion });
    expect(openapi.info.version).toBe(packageVersion);
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

  test('/me says what to do while no admin has set the company’s names', async () => {
    const [company] = await server.db.query<{ name: string; aliases: string[]; domains: string[] }>('SELECT name, aliases, domains FROM company');
    await server.db.query('DELETE FROM company');
    try {
      const reply = await call(`${server.api}/me`, { token: tokens.sales });
      expect(reply.status).toBe(503);
      expect(reply.body.error).toMatchObject({ code: 'company_not_configured', message: expect.stringContaining('PUT /api/v1/admin/company') });
    } finally {
      const restored = await call(`${server.api}/admin/company`, { method: 'PUT', token: tokens.admin, json: company });
      expect(restored.status).toBe(200);
    }
    expect((await call(`${server.api}/me`, { token: tokens.sales })).body.company).toEqual(company);
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

  test('a created token works with its role until revoked, and only its SHA-256 hash is stored', async () => {
    const token = await createToken(server.db, 'sales', 'New Salesperson');
    const me = await call(`${server.api}/me`, { token });
    expect(me.body.user).toEqual({ name: 'New Salesperson', role: 'sales' });
    expect((await call(`${server.api}/admin/offers`, { token, json: {} })).status).toBe(403);
    const stored = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE name = $1', ['New Salesperson']);
    expect(stored).toEqual([{ token_hash: hashToken(token) }]);
    const everything = JSON.stringify(await server.db.query('SELECT * FROM api_tokens'));
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('demo-admin-token');
    expect(await revokeTokens(server.db, { name: 'New Salesperson' })).toBe(1);
    expect((await call(`${server.api}/me`, { token })).status).toBe(401);
  });

  test('is a valid OpenAPI 3.1 document (every $ref resolves)', async () => {
    expect(openapi.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(openapi))).resolves.toBeTruthy();
  });

  test('documents every route the server answers, and no route it does not', () => {
    const routes = createApp({ db: server.db })
      .routes.filter((route) => route.path.startsWith('/api/v1/') && route.method !== 'ALL' && !route.path.endsWith('/openapi.json'))
      .map((route) => `${route.method} ${route.path.replace('/api/v1', '').replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(openapi.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
  });

  test('generates the contract’s schemas as components, with their fields', () => {
    const schemas = openapi.components.schemas;
    /** A schema, or the component its $ref names. */
    const resolved = (schema: { $ref?: string }): any =>
      schema.$ref ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
    for (const name of ['Alumnus', 'Organization', 'Offer', 'OfferInput', 'IntroductionInput', 'Introduction', 'Interest', 'Me', 'DirectoryPage', 'ApiError', 'ImportReport']) {
      expect(schemas, name).toHaveProperty(name);
    }
    expect(Object.keys(schemas.Alumnus.properties)).toEqual(
      expect.arrayContaining(['id', 'names', 'profileUrls', 'tenure', 'currentEmployer', 'currentTitle', 'consent', 'rehireEligible', 'relationshipOwner', 'updatedAt']),
    );
    expect(schemas.IntroductionInput.properties.id).toMatchObject({ type: 'string', format: 'uuid' });
    // The values themselves, not only that an enum or a $ref is there: a client generated from this document must
    // send exactly the kinds and see exactly the roles the server takes.
    expect(resolved(schemas.IntroductionInput.properties.kind).enum).toEqual(['referral', 'rehire', 'sales-introduction', 'collaboration', 'other']);
    expect(resolved(resolved(schemas.Me.properties.user).properties.role).enum).toEqual(['admin', 'recruiter', 'sales', 'alumni']);
    const directory = openapi.paths['/directory'].get;
    expect(directory.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['limit', 'since']);
    expect(directory.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/DirectoryPage');
    expect(schemas.DirectoryPage.properties.alumni.items.$ref).toBe('#/components/schemas/Alumnus');
    expect(openapi.paths['/introductions'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/IntroductionInput');
    expect(openapi.paths['/introductions'].post.responses).toHaveProperty('409');
    expect(openapi.paths['/introductions'].post.responses['409'].content['application/json'].schema.$ref).toBe('#/components/schemas/ApiError');
  });
});
