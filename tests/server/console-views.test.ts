import { randomUUID } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AlumniSearchPage, Overview } from '../../utils/api/console';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';
import { alumnusRow, importCsv, toCsv } from './support/csv';

const tag = randomUUID().slice(0, 6).toUpperCase();
const people = [
  alumnusRow(`V${tag}-1`, { display_name: '大野 翔太', kana: 'おおの しょうた', latin: 'Shōta Ōno', department: '営業部', tenure_from: '2001-04', tenure_to: '2009-03', current_employer: '株式会社ひかりヘルスケア' }),
  alumnusRow(`V${tag}-2`, { display_name: '田中 花子', kana: 'たなか はなこ', latin: 'Hanako Tanaka', former_names: '佐藤 花子', department: 'Engineering', tenure_from: '2003-04', tenure_to: '2009-09', current_employer: 'Audiense Ltd.' }),
  alumnusRow(`V${tag}-3`, { display_name: 'Sofia Lindqvist', latin: 'Sofia Lindqvist', department: 'Engineering', tenure_to: '2015-06', consent_recognition: 'no', consent_offers: 'no' }),
];
const search = (server: TestServer, query: string, token: string = tokens.admin) =>
  call(`${server.api}/console/alumni?${query}`, { token }).then((reply) => AlumniSearchPage.parse(reply.body));
const ids = (page: AlumniSearchPage) => page.alumni.map((a) => a.id).filter((id) => id.startsWith(`V${tag}`)).sort();

describe.each(backends)('console views on %s', (backend) => {
  let server: TestServer;
  const consoleDir = mkdtempSync(join(tmpdir(), 'console-dist-'));
  beforeAll(async () => {
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/admin/assets/app.js"></script>');
    writeFileSync(join(consoleDir, 'assets', 'app.js'), 'console.log("console")');
    server = await startTestServer(backend, { seed: 'demo', consoleDir });
    expect((await importCsv(server.api, toCsv(people))).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  test('a name finds its alumnus in any script: kanji, kana, romaji with or without long vowels, either order, a former name', async () => {
    for (const q of ['大野', 'おおの しょうた', 'オオノ', 'Ono Shota', 'shouta oono', 'Ōno']) {
      expect(ids(await search(server, `q=${encodeURIComponent(q)}`)), q).toEqual([`V${tag}-1`]);
    }
    for (const q of ['佐藤 花子', 'hanako tanaka', 'たなか']) {
      expect(ids(await search(server, `q=${encodeURIComponent(q)}`)), q).toEqual([`V${tag}-2`]);
    }
    expect(ids(await search(server, `q=${encodeURIComponent(`V${tag}-3`)}`))).toEqual([`V${tag}-3`]);
  });

  test('filters by department, leaving year, employer and consent, and pages on the server', async () => {
    expect(ids(await search(server, `department=${encodeURIComponent('営業部')}&leftYear=2009`))).toEqual([`V${tag}-1`]);
    expect(ids(await search(server, 'leftYear=2009&department=engineering'))).toEqual([`V${tag}-2`]);
    expect(ids(await search(server, `employer=${encodeURIComponent('ひかりヘルスケア')}`))).toEqual([`V${tag}-1`]);
    expect(ids(await search(server, 'employer=audiense'))).toEqual([`V${tag}-2`]);
    expect(ids(await search(server, `consent=no-recognition&q=V${tag}`))).toEqual([`V${tag}-3`]);
    // Recruiters never see alumni who did not consent, whatever they ask.
    expect(ids(await search(server, `consent=no-recognition&q=V${tag}`, tokens.recruiter))).toEqual([]);

    const first = await search(server, 'pageSize=10');
    const second = await search(server, 'pageSize=10&page=2');
    expect(first.total).toBe(second.total);
    expect(first.alumni).toHaveLength(10);
    expect(new Set([...first.alumni, ...second.alumni].map((a) => a.id)).size).toBe(first.alumni.length + second.alumni.length);
    expect((await call(`${server.api}/console/alumni?pageSize=100000`, { token: tokens.admin })).status).toBe(400);
  });

  test('the overview counts introductions by month and kind, cohorts and employers, consent, and clients’ freshness', async () => {
    const before = Overview.parse((await call(`${server.api}/console/overview`, { token: tokens.admin })).body);
    const month = new Date().toISOString().slice(0, 7);
    const countOf = (o: Overview, kind: string) => o.introductionsByMonth.find((m) => m.month === month && m.kind === kind)?.count ?? 0;
    const intro = { id: randomUUID(), alumnusId: `V${tag}-1`, kind: 'sales-introduction', context: {}, occurredAt: new Date().toISOString() };
    expect((await call(`${server.api}/introductions`, { token: tokens.sales, json: intro })).status).toBe(201);

    // A client syncs (bearer token) and reports two failed outbox items; a console session reading does not count.
    const created = await call(`${server.api}/admin/tokens`, { token: tokens.admin, json: { name: 'Fresh Client', role: 'sales' } });
    expect((await call(`${server.api}/directory?limit=1`, { token: created.body.token })).status).toBe(200);
    expect((await call(`${server.api}/clients/status`, { token: created.body.token, json: { outbox: { pending: 1, failed: 2 } } })).status).toBe(204);
    expect((await call(`${server.api}/clients/status`, { token: created.body.token, json: { outbox: { pending: -1, failed: 0 } } })).status).toBe(400);

    const after = Overview.parse((await call(`${server.api}/console/overview`, { token: tokens.admin })).body);
    expect(countOf(after, 'sales-introduction')).toBe(countOf(before, 'sales-introduction') + 1);
    const today = new Date().toISOString().slice(0, 10);
    const syncedToday = (o: Overview) => o.freshness!.clientsByDay.find((d) => d.day === today)?.count ?? 0;
    expect(syncedToday(after)).toBe(syncedToday(before) + 1);
    expect(after.freshness!.neverSynced).toBe(before.freshness!.neverSynced);
    expect(after.freshness!.outbox.clientsWithFailures).toBe(before.freshness!.outbox.clientsWithFailures + 1);
    expect(after.freshness!.outbox.failed).toBe(before.freshness!.outbox.failed + 2);
    expect(after.cohorts).toContainEqual(expect.objectContaining({ department: '営業部', year: 2009 }));
    expect(after.employers.length).toBeLessThanOrEqual(20);
    expect(after.employers[0].count).toBeGreaterThanOrEqual(after.employers.at(-1)!.count);
    expect(after.consent!.alumni - after.consent!.recognition).toBeGreaterThanOrEqual(1);
  });

  test('/admin/ serves the built console: its assets, and index.html for the console’s own paths, with a strict CSP', async () => {
    const index = await fetch(`${server.url}/admin/alumni/E1001`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>console</title>');
    expect(index.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    const asset = await fetch(`${server.url}/admin/assets/app.js`);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${server.url}/admin/assets/../../package.json`)).status).not.toBe(200);
    expect((await fetch(`${server.url}/admin/assets/missing.js`)).status).toBe(404);
    const bare = await fetch(`${server.url}/admin`, { redirect: 'manual' });
    expect(bare.headers.get('location')).toBe('/admin/');
  });
});
