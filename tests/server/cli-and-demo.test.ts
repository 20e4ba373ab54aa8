import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DirectoryPage } from '../../utils/api';
import { startServer } from '../../server/index';
import { demoAlumni, demoIds, demoOffers, demoOrganizations } from '../../server/seed/demo-data';
import { call, tokens } from './support/http';
import { runCli, spawnCliServer } from './support/cli';
import { alumnusRow, toCsv } from './support/csv';
import { newDataFolder, removeDataFolderTemplates } from './support/data-folder';

const root = mkdtempSync(join(tmpdir(), 'alumni-lens-cli-'));
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await removeDataFolderTemplates();
});

describe('the server command line (PGlite data folder)', () => {
  const data = join(root, 'data');
  beforeAll(() => newDataFolder(data));

  test('`token create` prints a token once, `token list` names holders, `token revoke` ends it; `company set` stores the names /me serves', async () => {
    const created = await runCli(['token', 'create', '--role', 'sales', '--name', 'CLI Salesperson', '--data', data]);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^al_[A-Za-z0-9_-]{40,}$/);
    expect(created.stderr).toMatch(/shown only now/);
    const set = await runCli(['company', 'set', '--name', 'Sakura Digital', '--alias', 'さくらデジタル', '--domain', 'sakura-digital.example', '--data', data]);
    expect(set.code).toBe(0);
    const server = await startServer({ dataDir: data, port: 0 });
    try {
      const stored = JSON.stringify(await server.db.query('SELECT * FROM api_tokens'));
      expect(stored).not.toContain(token);
      expect((await call(`${server.url}/api/v1/me`, { token })).body).toEqual({
        user: { name: 'CLI Salesperson', role: 'sales' },
        company: { name: 'Sakura Digital', aliases: ['さくらデジタル'], domains: ['sakura-digital.example'] },
      });
      expect((await call(`${server.url}/api/v1/directory`, { token })).status).toBe(200);
      expect((await call(`${server.url}/api/v1/admin/offers`, { token, json: {} })).status).toBe(403);
    } finally {
      await server.close();
    }
    const listed = await runCli(['token', 'list', '--data', data]);
    expect(listed.stdout).toMatch(/sales\s+CLI Salesperson/);
    expect(listed.stdout).not.toContain(token);
    const revoked = await runCli(['token', 'revoke', '--token', token, '--data', data]);
    expect(revoked.stdout).toMatch(/Revoked 1 token\(s\)/);
    const afterRevoke = await startServer({ dataDir: data, port: 0 });
    try {
      expect((await call(`${afterRevoke.url}/api/v1/me`, { token })).status).toBe(401);
    } finally {
      await afterRevoke.close();
    }
    const bad = await runCli(['token', 'create', '--role', 'wizard', '--name', 'X', '--data', data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Usage: token create --role admin\|recruiter\|sales\|alumni/);
  });

  test('`import` refuses a file with a bad row, and with --skip-invalid imports the rest with progress on stderr', async () => {
    const file = join(root, 'big.csv');
    const rows = Array.from({ length: 12_000 }, (_, i) => alumnusRow(`CLI-${i}`));
    rows.splice(7, 0, alumnusRow('CLI-BAD', { tenure_to: '2019-13' }));
    writeFileSync(file, toCsv(rows));
    const refused = await runCli(['import', file, '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/line 9: tenure_to: "2019-13" is not a month/);
    expect(refused.stderr).toMatch(/1 invalid row\(s\); nothing was imported/);

    const imported = await runCli(['import', file, '--skip-invalid', '--data', data]);
    expect(imported.stderr).toMatch(/read 5000 rows[\s\S]*read 10000 rows[\s\S]*stored 12000 of 12000 alumni/);
    expect(imported.stdout).toMatch(/Imported 12000 new and 0 changed alumni; skipped 1 invalid row\(s\) and 0 erased alumni\./);
    expect(imported.code).toBe(0);

    const missing = await runCli(['import', join(root, 'nope.csv'), '--data', data]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read/);
  });

  test('`--help` prints the commands and options; an unknown option says which, with the usage, not a stack trace', async () => {
    for (const flag of ['--help', '-h']) {
      const help = await runCli([flag]);
      expect(help.code, flag).toBe(0);
      expect(help.stdout).toMatch(/^Usage: npm run server -- \[COMMAND\] \[OPTIONS\]$/m);
      for (const command of ['migrate', 'token create', 'token list', 'token revoke', 'import FILE.csv', 'company set', '--database-url', '--seed demo'])
        expect(help.stdout, command).toContain(command);
      expect(help.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    }
    const unknown = await runCli(['--verbose']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--verbose'/);
    expect(unknown.stderr).toContain('Usage: npm run server');
    expect(unknown.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  test('`--seed demo` is refused on a non-loopback host, by the command and by startServer', async () => {
    const refused = await runCli(['--seed', 'demo', '--host', '0.0.0.0', '--port', '0', '--data', join(root, 'never')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Refusing the demo seed on 0\.0\.0\.0/);
    await expect(startServer({ seed: 'demo', host: '192.168.1.10', inMemory: true, port: 0 })).rejects.toThrow(/loopback/);
  });

  test('the server command serves the demo and stops cleanly on SIGTERM', async () => {
    const folder = await newDataFolder(join(root, 'demo-cli'));
    const server = await spawnCliServer(['--port', '0', '--data', folder, '--seed', 'demo']);
    try {
      expect(server.output()).toMatch(/demo-admin-token \(admin\)/);
      expect((await call(`${server.url}/api/v1/me`, { token: tokens.sales })).body.company.name).toBe('Sakura Digital');
      // A second process on the same embedded database is refused while the server holds it.
      const meanwhile = await runCli(['token', 'create', '--role', 'sales', '--name', 'Too Early', '--data', folder]);
      expect(meanwhile.code).toBe(1);
      expect(meanwhile.stderr).toMatch(/is in use by process \d+ \(a running server\?\)/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // Stopped, the folder is free again.
    expect((await runCli(['token', 'create', '--role', 'sales', '--name', 'After Stop', '--data', folder])).code).toBe(0);
  });
});

describe('alumni tokens on the command line', () => {
  test('`token create --role alumni --alumnus ID` names the directory record; without one, or for staff, it is refused', async () => {
    const folder = await newDataFolder(join(root, 'alumni-tokens'));
    await (await startServer({ dataDir: folder, port: 0, seed: 'demo' })).close();
    const created = await runCli(['token', 'create', '--role', 'alumni', '--alumnus', demoIds.taroYamada, '--data', folder]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toMatch(/Token for 山田 太郎 \(alumni, alumnus E1001\)/);
    // One at a time: an embedded data folder serves one process.
    const refusals = [];
    for (const args of [
      ['--role', 'alumni', '--name', 'Nobody'],
      ['--role', 'sales', '--name', 'Sam', '--alumnus', demoIds.taroYamada],
      ['--role', 'alumni', '--alumnus', 'E9999'],
    ]) {
      refusals.push(await runCli(['token', 'create', ...args, '--data', folder]));
    }
    expect(refusals.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(refusals[0]!.stderr).toMatch(/an alumni token names its alumnus \(--alumnus\)/);
    expect(refusals[2]!.stderr).toMatch(/No alumnus E9999 in the directory/);
    const staff = await runCli(['token', 'create', '--role', 'sales', '--name', 'Sam Sales', '--email', 'sam@sakura-digital.example', '--phone', '+81 3-5555-0177', '--data', folder]);
    expect(staff.code, staff.stderr).toBe(0);
    const server = await startServer({ dataDir: folder, port: 0 });
    try {
      expect((await call(`${server.url}/api/v1/me`, { token: created.stdout.trim() })).body.user).toEqual({ name: '山田 太郎', role: 'alumni', alumnusId: 'E1001' });
      expect((await call(`${server.url}/api/v1/me/profile`, { token: created.stdout.trim() })).body.showcase.businessName).toBe('山田テック顧問');
      expect((await call(`${server.url}/api/v1/me`, { token: staff.stdout.trim() })).body.user).toEqual({
        name: 'Sam Sales',
        role: 'sales',
        email: 'sam@sakura-digital.example',
        phone: '+81 3-5555-0177',
      });
    } finally {
      await server.close();
    }
  }, 300_000);
});

describe('the demo seed', () => {
  const data = join(root, 'demo');
  const pages = join(root, 'pages');
  beforeAll(async () => {
    await newDataFolder(data);
    mkdirSync(join(pages, 'company'), { recursive: true });
    writeFileSync(join(pages, 'index.html'), '<!doctype html><title>Demo</title>');
    writeFileSync(join(pages, 'style.css'), 'body { color: red }');
    writeFileSync(join(pages, 'company', 'index.html'), '<!doctype html><title>Company</title>');
    writeFileSync(join(root, 'secret.txt'), 'not for the web');
  });

  test('holds the demo company’s people, organisations and offers with the facts others rely on', async () => {
    expect(demoAlumni.length).toBeGreaterThanOrEqual(40);
    expect(demoOrganizations).toHaveLength(10);
    expect(demoOffers).toHaveLength(8);
    expect(demoOffers.filter((o) => o.status === 'closed').map((o) => o.id)).toEqual([demoIds.closedOffer]);
    const japanese = demoAlumni.filter((a) => /\p{Script=Han}/u.test(a.names.display) && a.names.kana && a.names.latin);
    expect(japanese.length).toBeGreaterThanOrEqual(20);
    expect(demoAlumni.filter((a) => a.names.former?.length).length).toBeGreaterThanOrEqual(5);
    expect(demoAlumni.filter((a) => !a.consent.recognition).map((a) => a.names.display)).toContain('Karim Saleh');
    const names = demoAlumni.flatMap((a) => [a.names.display, a.names.latin, ...(a.names.former ?? [])]);
    for (const stranger of ['Arjun Mehta', 'Paul Whitaker', 'Pablo Serrano', 'Johan Berg', 'Ingrid Holm', 'Leila Nasser', 'Emma Lund', 'Diego Martín Salas', 'Thomas Reed', 'Carlos Pineda', 'Nikhil Bose']) {
      expect(names, stranger).not.toContain(stranger);
    }
    const atAudiense = demoAlumni.filter((a) => a.currentEmployer?.organizationId === demoIds.audiense).map((a) => a.names.display);
    expect(atAudiense.sort()).toEqual(['Julien Moreau', 'Marcos Ruiz']);
    expect(demoAlumni.find((a) => a.id === demoIds.taroYamada)?.names).toEqual({ display: '山田 太郎', kana: 'やまだ たろう', latin: 'Taro Yamada' });
  });

  test('loading it twice changes nothing, and it never undoes changes made through the API', async () => {
    const first = await startServer({ dataDir: data, port: 0, seed: 'demo', demoPagesDir: pages });
    let cursor: string;
    try {
      const page = DirectoryPage.parse((await call(`${first.url}/api/v1/directory?limit=5000`, { token: tokens.admin })).body);
      cursor = page.cursor;
      expect(page.alumni).toHaveLength(demoAlumni.filter((a) => a.consent.recognition).length);
      const closed = await call(`${first.url}/api/v1/admin/offers/offer-rehire-design-lead/close`, { method: 'POST', token: tokens.admin });
      expect(closed.body.status).toBe('closed');
    } finally {
      await first.close();
    }
    const second = await startServer({ dataDir: data, port: 0, seed: 'demo', demoPagesDir: pages });
    try {
      const counts = await second.db.query(
        `SELECT (SELECT count(*)::int FROM alumni) AS alumni, (SELECT count(*)::int FROM organizations) AS organizations,
                (SELECT count(*)::int FROM offers) AS offers, (SELECT count(*)::int FROM api_tokens) AS tokens,
                (SELECT count(*)::int FROM showcases) AS showcases, (SELECT count(*)::int FROM suggestions) AS suggestions,
                (SELECT count(*)::int FROM meetings) AS meetings, (SELECT count(*)::int FROM meeting_events) AS steps,
                (SELECT count(*)::int FROM introductions) AS introductions, (SELECT count(*)::int FROM interests) AS interests`,
      );
      // Tokens: the four demo tokens and the own tokens of the 15 alumni whose interests the seed holds.
      expect(counts).toEqual([
        { alumni: demoAlumni.length, organizations: 10, offers: 8, tokens: 19, showcases: 6, suggestions: 1, meetings: 11, steps: 15, introductions: 90, interests: 15 },
      ]);
      expect((await call(`${second.url}/api/v1/directory?since=${cursor}`, { token: tokens.admin })).body.alumni).toEqual([]);
      const offers = await call(`${second.url}/api/v1/offers?limit=100`, { token: tokens.admin });
      expect(offers.body.offers.find((o: { id: string }) => o.id === 'offer-rehire-design-lead').status).toBe('closed');

      // Demo pages: served by extension with their content type, and nothing outside the folder.
      const index = await fetch(`${second.url}/demo/`);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await index.text()).toContain('<title>Demo</title>');
      expect((await fetch(`${second.url}/demo/style.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect(await (await fetch(`${second.url}/demo/company/`)).text()).toContain('Company');
      for (const path of ['/demo/../secret.txt', '/demo/%2e%2e/secret.txt', '/demo/..%2fsecret.txt', '/demo/%2e%2e%2fsecret.txt', '/demo/missing.html', '/demo/%E0%A4%A']) {
        const reply = await fetch(`${second.url}${path}`);
        expect(reply.status, path).toBe(404);
        expect(await reply.text(), path).not.toContain('not for the web');
      }
    } finally {
      await second.close();
    }
  });
});
