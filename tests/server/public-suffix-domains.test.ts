import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../utils/api';
import { startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';

// An organisation's or the company's domain decides which websites count as theirs (and which sites the
// options page asks access to): a public suffix would make every site under it count.

describe('public suffixes are refused as organisation and company domains', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { seed: 'demo' });
  });
  afterAll(() => server?.close());

  const putOrganization = (domains: string[]) =>
    call(`${server.api}/admin/organizations/org-suffix`, {
      method: 'PUT',
      token: tokens.admin,
      json: { name: 'Suffix Test', aliases: [], domains, profileUrls: [] },
    });

  for (const suffix of ['co.jp', 'github.io', 'blogspot.com', 'ne.jp', 'com.au']) {
    test(`${suffix} as an organisation domain: 400 naming it, nothing stored`, async () => {
      const reply = await putOrganization(['hikari-health.example', suffix]);
      expect(reply.status).toBe(400);
      const { error } = ApiError.parse(reply.body);
      expect(error.code).toBe('public_suffix_domain');
      expect(error.message).toContain(suffix);
      expect(error.issues).toEqual([{ path: ['domains', 1], message: expect.stringContaining('public suffix') }]);
      expect((await call(`${server.api}/organizations`, { token: tokens.admin })).body.organizations.map((o: { id: string }) => o.id)).not.toContain(
        'org-suffix',
      );
    });
  }

  test('registrable domains under those suffixes are accepted (example.co.jp, someone.github.io)', async () => {
    const reply = await putOrganization(['example.co.jp', 'someone.github.io', 'city.kawasaki.jp']);
    expect(reply.status).toBe(201);
  });

  test("the company's own domains: co.jp refused, sakura-digital.co.jp accepted", async () => {
    const company = { name: 'Sakura Digital', aliases: [], domains: ['co.jp'] };
    const refused = await call(`${server.api}/admin/company`, { method: 'PUT', token: tokens.admin, json: company });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0].path).toEqual(['domains', 0]);
    const accepted = await call(`${server.api}/admin/company`, {
      method: 'PUT',
      token: tokens.admin,
      json: { ...company, domains: ['sakura-digital.co.jp', 'sakura-digital.example'] },
    });
    expect(accepted.status).toBe(200);
  });

  test('`company set --domain co.jp` on the command line is refused with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alumni-lens-suffix-'));
    try {
      const result = spawnSync('npx', ['tsx', 'server/cli.ts', 'company', 'set', '--data', dir, '--name', 'X', '--domain', 'co.jp'], {
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('co.jp: a public suffix');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
