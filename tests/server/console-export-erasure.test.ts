import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';
import { alumnusRow, importCsv, toCsv, uid } from './support/csv';


function introduction(alumnusId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    alumnusId,
    kind: 'referral',
    context: { site: 'linkedin', url: 'https://www.linkedin.com/in/someone/' },
    occurredAt: new Date().toISOString(),
    ...overrides,
  };
}

async function download(api: string, kind: string, token: string = tokens.admin) {
  const response = await fetch(`${api}/admin/exports/${kind}.csv`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

describe.each(backends)('exports and erasure on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
  });
  afterAll(() => server?.close());

  test('exports are UTF-8 with a BOM, and cells a spreadsheet would run as formulas arrive as text', async () => {
    // (Leading tabs and carriage returns cannot arrive here: the contract trims notes. csv-export's unit test has them.)
    const hostile = ['=HYPERLINK("https://evil.example","click")', '+81 3 1234', '-2+3', '@SUM(A1:A9)', '＝１＋１', 'a "quoted", comma\nand a line'];
    const logged: string[] = [];
    for (const note of hostile) {
      const body = introduction('E1001', { note });
      expect((await call(`${server.api}/introductions`, { token: tokens.recruiter, json: body })).status).toBe(201);
      logged.push(body.id);
    }
    const { response, bytes, text } = await download(server.api, 'introductions');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="introductions-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...all] = parse(text.slice(1), { relax_quotes: false }) as string[][];
    // The demo seed holds a year of introductions too; these are the ones this test logged, in order.
    const rows = all.filter((row) => logged.includes(row[0]));
    expect(rows.map((row) => row[0])).toEqual(logged);
    expect(header).toEqual(['id', 'occurred_at', 'received_at', 'kind', 'alumnus_id', 'alumnus_name', 'logged_by', 'site', 'url', 'organization_id', 'note', 'erased']);
    const notes = rows.map((row) => row[header.indexOf('note')]);
    expect(notes).toEqual([
      `'=HYPERLINK("https://evil.example","click")`,
      "'+81 3 1234",
      "'-2+3",
      "'@SUM(A1:A9)",
      "'＝１＋１",
      'a "quoted", comma\nand a line',
    ]);
    expect(rows[0][header.indexOf('alumnus_name')]).toBe('山田 太郎');
    expect(rows[0][header.indexOf('logged_by')]).toBe('Kenji Watanabe');

    const interests = await download(server.api, 'interests');
    expect(interests.response.status).toBe(200);
    expect(interests.text.startsWith('\uFEFF"id","received_at","offer_id","offer_title","submitted_by","message"\r\n')).toBe(true);
    expect((await download(server.api, 'introductions', tokens.recruiter)).response.status).toBe(403);
    expect((await download(server.api, 'everything')).response.status).toBe(404);
  });

  test('erasing an alumnus removes the record, anonymises introductions, deletes interests and ends their token; the log says only that it happened', async () => {
    const id = `ERASE-${uid()}`;
    expect((await importCsv(server.api, toCsv([alumnusRow(id, { display_name: '消去 花子', latin: 'Hanako Shokyo', profile_urls: 'https://www.linkedin.com/in/hanako-shokyo/' })]))).status).toBe(200);
    // The directory as a client has it before the erasure.
    const first = await call(`${server.api}/directory?limit=5000`, { token: tokens.recruiter });
    expect(first.body.alumni.map((a: { id: string }) => a.id)).toContain(id);
    const intro = introduction(id, { note: 'Met Hanako at the meetup' });
    expect((await call(`${server.api}/introductions`, { token: tokens.recruiter, json: intro })).status).toBe(201);
    const own = await call(`${server.api}/admin/tokens`, { token: tokens.admin, json: { name: '消去 花子', role: 'alumni', alumnusId: id } });
    const interest = { id: randomUUID(), offerId: 'offer-audiense-dashboard', message: 'I can help' };
    expect((await call(`${server.api}/interests`, { token: own.body.token, json: interest })).status).toBe(201);
    expect((await call(`${server.api}/console/alumni/${id}`, { token: tokens.admin })).body.interests).toHaveLength(1);

    expect((await call(`${server.api}/admin/alumni/${id}`, { method: 'DELETE', token: tokens.admin })).status).toBe(204);

    // Clients drop the person on their next sync.
    const next = await call(`${server.api}/directory?since=${encodeURIComponent(first.body.cursor)}`, { token: tokens.recruiter });
    expect(next.body.removed).toContain(id);
    expect(next.body.alumni.map((a: { id: string }) => a.id)).not.toContain(id);
    // Nothing about them remains to be read.
    const [row] = await server.db.query<{ record: object }>('SELECT record FROM alumni WHERE id = $1', [id]);
    expect(row.record).toEqual({});
    expect((await call(`${server.api}/console/alumni/${id}`, { token: tokens.admin })).status).toBe(404);
    expect((await call(`${server.api}/console/alumni?q=Hanako%20Shokyo`, { token: tokens.admin })).body.total).toBe(0);
    const [stored] = await server.db.query<{ alumnus_id: string | null; body: Record<string, unknown>; erased_at: Date | null }>(
      'SELECT alumnus_id, body, erased_at FROM introductions WHERE id = $1',
      [intro.id],
    );
    expect(stored.alumnus_id).toBeNull();
    expect(stored.erased_at).not.toBeNull();
    expect(stored.body).toEqual({ kind: 'referral', occurredAt: intro.occurredAt, context: {} });
    expect(await server.db.query('SELECT 1 FROM interests WHERE id = $1', [interest.id])).toEqual([]);
    expect((await call(`${server.api}/me`, { token: own.body.token })).status).toBe(401);
    const exported = (await download(server.api, 'introductions')).text;
    expect(exported).not.toContain('Met Hanako');
    expect(exported).not.toContain(id);
    expect(exported).toContain(`"${intro.id}"`);

    const audit = (await call(`${server.api}/admin/audit?limit=5`, { token: tokens.admin })).body.entries;
    const erasure = audit.find((entry: { action: string }) => entry.action === 'alumnus.erase');
    expect(erasure).toMatchObject({ actor: 'Aiko Mori (Alumni Programme)', details: { introductionsAnonymised: 1, interestsRemoved: 1, tokensRevoked: 1 } });
    expect(erasure).not.toHaveProperty('target');
    const wholeLog = JSON.stringify((await call(`${server.api}/admin/audit?limit=500`, { token: tokens.admin })).body);
    expect(wholeLog).not.toContain(id);
    expect(wholeLog).not.toContain('消去');

    expect((await call(`${server.api}/admin/alumni/${id}`, { method: 'DELETE', token: tokens.admin })).status).toBe(404);
  });
});
