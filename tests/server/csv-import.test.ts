import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError, ImportReport, type Alumnus } from '../../utils/api';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';
import { alumnusRow, importCsv, toCsv, uid } from './support/csv';


/** A Japanese HR export: Japanese headers, dates with slashes and 年月, はい/いいえ, former names. */
function japaneseExport(ids: string[]): string {
  return [
    '社員番号,氏名,フリガナ,ローマ字,旧姓,入社日,退職日,所属部署,現勤務先,現役職,認識同意,オファー同意,再雇用可否,担当者,担当者メール',
    `${ids[0]},山田 花子,ヤマダ ハナコ,Hanako Yamada,田中 花子,2012/04/01,2018/03/31,営業部,株式会社みらい銀行,課長,はい,いいえ,可,渡辺 健二,kenji.watanabe@sakura-digital.example`,
    `${ids[1]},髙橋 一郎,タカハシ イチロウ,Ichiro Takahashi,,2010年4月,2015年9月,開発部,,,はい,はい,不可,,`,
    `${ids[2]},鈴木 次郎,スズキ ジロウ,Jiro Suzuki,,２０１１－０４,２０１３－０３,総務部,,,いいえ,いいえ,,,`,
  ].join('\r\n');
}

describe.each(backends)('CSV import on %s', (backend) => {
  let server: TestServer;
  const served = async (id: string): Promise<Alumnus | undefined> => {
    const rows = await server.db.query<{ id: string }>('SELECT id FROM alumni WHERE id = $1 AND recognised', [id]);
    if (rows.length === 0) return undefined;
    let cursor: string | undefined;
    for (;;) {
      const page = await call(`${server.api}/directory?limit=5000${cursor ? `&since=${cursor}` : ''}`, { token: tokens.recruiter });
      const found = page.body.alumni.find((a: Alumnus) => a.id === id);
      if (found || page.body.complete) return found;
      cursor = page.body.cursor;
    }
  };
  const stored = async (ids: string[]) =>
    (await server.db.query<{ id: string }>('SELECT id FROM alumni WHERE id = ANY($1::text[])', [ids])).map((r) => r.id).sort();

  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
  });
  afterAll(() => server?.close());

  test('UTF-8 with a BOM and Japanese HR headers imports and serves the right records', async () => {
    const ids = [uid(), uid(), uid()];
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(japaneseExport(ids), 'utf8')]);
    const reply = await importCsv(server.api, bytes);
    expect(reply.status).toBe(200);
    expect(ImportReport.parse(reply.body)).toEqual({ imported: 3, updated: 0, skipped: 0, errors: [], erased: [] });
    expect(await served(ids[0])).toMatchObject({
      names: { display: '山田 花子', kana: 'ヤマダ ハナコ', latin: 'Hanako Yamada', former: ['田中 花子'] },
      tenure: [{ from: '2012-04', to: '2018-03', department: '営業部' }],
      currentEmployer: { name: '株式会社みらい銀行' },
      currentTitle: '課長',
      consent: { recognition: true, offers: false },
      rehireEligible: true,
      relationshipOwner: { name: '渡辺 健二', email: 'kenji.watanabe@sakura-digital.example' },
    });
    expect((await served(ids[1]))?.tenure).toEqual([{ from: '2010-04', to: '2015-09', department: '開発部' }]);
    expect(await served(ids[2])).toBeUndefined();
    expect(await stored([ids[2]])).toEqual([ids[2]]);
  });

  test('Shift_JIS bytes (as Japanese Excel writes them) are detected and decoded', async () => {
    const ids = [uid(), uid(), uid()];
    const bytes = iconv.encode(japaneseExport(ids), 'Shift_JIS');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const reply = await importCsv(server.api, bytes);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ imported: 3, errors: [] });
    expect((await served(ids[0]))?.names).toEqual({ display: '山田 花子', kana: 'ヤマダ ハナコ', latin: 'Hanako Yamada', former: ['田中 花子'] });
    // 髙 is a CP932 extension character outside plain Shift_JIS: Windows exports contain it.
    const cp932 = await importCsv(server.api, iconv.encode(japaneseExport([uid(), uid(), uid()]).replace('鈴木', '﨑山'), 'cp932'), '?encoding=shift_jis');
    expect(cp932.status).toBe(200);
  });

  test('plain UTF-8 with English headers, several tenures, lists and an explicit charset', async () => {
    const id = uid();
    const csv = [
      'Employee ID,Display Name,Latin,Former Names,Profile URLs,Tenure From,Tenure To,Department,More Tenures,Current Employer,Current Employer Org ID,Consent Recognition,Consent Offers',
      `${id},Olivia Test,Olivia Test,Olivia Old; O. Older,https://www.linkedin.com/in/olivia-test | https://github.com/otest,2019-01,2022-12,Platform,2010-04..2013-03 Sales; 2015-01~2016-06,Harbor Cloud Inc.,org-harbor-cloud,true,false`,
    ].join('\n');
    const reply = await importCsv(server.api, csv, '', { 'content-type': 'text/csv; charset=utf-8' });
    expect(reply.status).toBe(200);
    expect(await served(id)).toMatchObject({
      names: { display: 'Olivia Test', former: ['Olivia Old', 'O. Older'] },
      profileUrls: ['https://www.linkedin.com/in/olivia-test', 'https://github.com/otest'],
      tenure: [{ from: '2010-04', to: '2013-03', department: 'Sales' }, { from: '2015-01', to: '2016-06' }, { from: '2019-01', to: '2022-12', department: 'Platform' }],
      currentEmployer: { name: 'Harbor Cloud Inc.', organizationId: 'org-harbor-cloud' },
    });
  });

  test('upsert by employee id: a second import updates the record, never duplicates it', async () => {
    const id = uid();
    expect((await importCsv(server.api, toCsv([alumnusRow(id, { current_title: 'Engineer' })]))).body).toMatchObject({ imported: 1, updated: 0 });
    expect((await importCsv(server.api, toCsv([alumnusRow(id, { current_title: 'Director' })]))).body).toMatchObject({ imported: 0, updated: 1 });
    expect(await stored([id])).toEqual([id]);
    expect((await served(id))?.currentTitle).toBe('Director');
  });

  test('an erased alumnus stays erased through re-imports of the HR export, reported as skipped, erased', async () => {
    const [kept, erased] = [uid(), uid()];
    const hrExport = toCsv([alumnusRow(kept), alumnusRow(erased, { display_name: '消去 希望', latin: 'Kibo Shokyo' })]);
    expect((await importCsv(server.api, hrExport)).body).toMatchObject({ imported: 2, updated: 0 });
    expect((await call(`${server.api}/admin/alumni/${erased}`, { method: 'DELETE', token: tokens.admin })).status).toBe(204);
    const { cursor } = (await call(`${server.api}/directory?limit=5000`, { token: tokens.recruiter })).body;

    // The unchanged export again, and once more with the erased person's row edited: neither brings them back.
    for (const again of [hrExport, toCsv([alumnusRow(kept), alumnusRow(erased, { display_name: '消去 希望', current_title: 'CTO' })])]) {
      const reply = await importCsv(server.api, again);
      expect(reply.status).toBe(200);
      expect(ImportReport.parse(reply.body)).toEqual({ imported: 0, updated: 0, skipped: 1, errors: [], erased: [{ line: 3, id: erased }] });
    }
    expect(await served(erased)).toBeUndefined();
    const [row] = await server.db.query<{ record: unknown; deleted: boolean }>('SELECT record, deleted_at IS NOT NULL AS deleted FROM alumni WHERE id = $1', [erased]);
    expect(row).toEqual({ record: {}, deleted: true });
    // Clients that synced before hear nothing new about either of them.
    expect((await call(`${server.api}/directory?since=${cursor}`, { token: tokens.recruiter })).body).toMatchObject({ alumni: [], removed: [] });
  });

  test('a re-import of unchanged rows changes nothing and consumes no change numbers', async () => {
    const ids = Array.from({ length: 50 }, () => uid());
    const hrExport = toCsv(ids.map((id) => alumnusRow(id)));
    expect((await importCsv(server.api, hrExport)).body).toMatchObject({ imported: 50, updated: 0 });
    const snapshot = () =>
      server.db.query<{ id: string; seq: number; updated_at: Date }>('SELECT id, seq, updated_at FROM alumni WHERE id = ANY($1::text[]) ORDER BY id', [ids]);
    const lastChangeNumber = async () => Number((await server.db.query<{ n: number }>('SELECT last_value AS n FROM change_seq'))[0].n);
    const [rowsBefore, numberBefore] = [await snapshot(), await lastChangeNumber()];

    expect((await importCsv(server.api, hrExport)).body).toMatchObject({ imported: 0, updated: 0, skipped: 0, erased: [] });
    expect(await snapshot()).toEqual(rowsBefore);
    expect(await lastChangeNumber()).toBe(numberBefore);

    // One changed row takes exactly one number.
    const changed = toCsv(ids.map((id, i) => alumnusRow(id, i === 7 ? { current_title: 'Founder' } : {})));
    expect((await importCsv(server.api, changed)).body).toMatchObject({ imported: 0, updated: 1 });
    expect(await lastChangeNumber()).toBe(numberBefore + 1);
  });

  test('any bad row means nothing is imported, and every bad row is reported by line and reason', async () => {
    const ids = [uid(), uid(), uid(), uid(), uid()];
    const csv = toCsv([
      alumnusRow(ids[0]), // line 2
      alumnusRow(ids[1], { tenure_from: 'April 2012' }), // line 3
      alumnusRow(ids[2], { display_name: '', consent_offers: 'perhaps' }), // line 4
      alumnusRow(ids[3], { current_title: 'Lead,\nPlatform team' }), // lines 5-6 (quoted line break)
      alumnusRow(ids[0]), // line 7: the same employee again
      alumnusRow(ids[4], { tenure_from: '2020-01', tenure_to: '2019-01', owner_email: 'not-an-email', profile_urls: 'linkedin.com/in/x' }), // line 8
    ]);
    const reply = await importCsv(server.api, csv);
    expect(reply.status).toBe(422);
    expect(ApiError.parse(reply.body).error.code).toBe('invalid_rows');
    const report = ImportReport.parse(reply.body.report);
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 7, 8]);
    const reasons = Object.fromEntries(report.errors.map((e) => [e.line, e.reason]));
    expect(reasons[3]).toMatch(/tenure_from: "April 2012" is not a month/);
    expect(reasons[4]).toMatch(/display_name is empty/);
    expect(reasons[4]).toMatch(/consent_offers: "perhaps" is not yes\/no/);
    expect(reasons[7]).toMatch(new RegExp(`employee_id ${ids[0]} already appears on line 2`));
    expect(reasons[8]).toMatch(/tenure_to: tenure ends before it starts/);
    expect(reasons[8]).toMatch(/owner_email/);
    expect(reasons[8]).toMatch(/profile_urls/);
    expect(reply.body.error.issues[0]).toEqual({ path: ['line', 3], message: reasons[3] });
    expect(await stored(ids)).toEqual([]);

    const skipping = await importCsv(server.api, csv, '?skipInvalid=true');
    expect(skipping.status).toBe(200);
    expect(skipping.body).toMatchObject({ imported: 2, updated: 0, skipped: 4 });
    expect(skipping.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 7, 8]);
    expect(await stored(ids)).toEqual([ids[0], ids[3]].sort());
    expect((await served(ids[3]))?.currentTitle).toBe('Lead,\nPlatform team');
  });

  test('bad rows in a Shift_JIS file are reported by line too', async () => {
    const ids = [uid(), uid(), uid()];
    const text = japaneseExport(ids).replace('2010年4月', '2010年13月').replace(',はい,はい,不可', ',はい,たぶん,不可');
    const reply = await importCsv(server.api, iconv.encode(text, 'Shift_JIS'));
    expect(reply.status).toBe(422);
    expect(reply.body.report.errors).toEqual([
      { line: 3, reason: expect.stringMatching(/^tenure_from: "2010年13月" is not a month.*consent_offers: "たぶん" is not yes\/no/) },
    ]);
    expect(await stored(ids)).toEqual([]);
  });

  test('unreadable files are 400 and import nothing, even with skipInvalid', async () => {
    const id = uid();
    const cases: [string, string | Uint8Array, string, RegExp][] = [
      ['unknown column', `employee_id,display_name,tenure_from,tenure_to,consent_recognition,consent_offers,shoe_size\n${id},A,2010-01,2011-01,yes,yes,42`, '', /Unknown column\(s\) "shoe_size"/],
      ['missing required column', `employee_id,display_name,tenure_from,tenure_to\n${id},A,2010-01,2011-01`, '', /Required column\(s\) missing.*consent_recognition, consent_offers/],
      ['duplicate column', `employee_id,社員番号,display_name,tenure_from,tenure_to,consent_recognition,consent_offers\n${id},${id},A,2010-01,2011-01,yes,yes`, '', /employee_id appears twice/],
      ['unclosed quote', `${toCsv([alumnusRow(id)])}"${id}X,unclosed\n`, '?skipInvalid=true', /not well-formed CSV: Quote Not Closed/],
      ['empty file', '', '', /empty/],
      ['bytes in neither encoding', new Uint8Array([0x65, 0x2c, 0x81, 0x20, 0xff, 0xfe, 0x0a]), '', /neither valid UTF-8 nor valid Shift_JIS/],
      ['Shift_JIS declared as UTF-8', iconv.encode(japaneseExport([id, uid(), uid()]), 'Shift_JIS'), '?encoding=utf-8', /not valid UTF-8/],
      ['an unsupported encoding', toCsv([alumnusRow(id)]), '?encoding=ebcdic', /Unsupported encoding/],
    ];
    for (const [name, body, query, message] of cases) {
      const reply = await importCsv(server.api, body, query);
      expect(reply.status, name).toBe(400);
      expect(reply.body.error.code, name).toBe('invalid_csv');
      expect(reply.body.error.message, name).toMatch(message);
    }
    expect(await stored([id, `${id}X`])).toEqual([]);
    const wrongType = await importCsv(server.api, toCsv([alumnusRow(id)]), '', { 'content-type': 'application/json' });
    expect(wrongType.status).toBe(415);
    const badQuery = await importCsv(server.api, toCsv([alumnusRow(id)]), '?skipInvalid=sure');
    expect(badQuery.status).toBe(400);
  });
});
