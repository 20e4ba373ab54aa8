import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ImportJob, ImportPreview } from '../../utils/api/console';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';
import { alumnusRow, toCsv, uid } from './support/csv';


function post(api: string, path: string, body: string | Uint8Array, token: string = tokens.admin) {
  return call(`${api}${path}`, {
    method: 'POST',
    token,
    body: typeof body === 'string' ? body : Buffer.from(body),
    headers: { 'content-type': 'text/csv' },
  });
}

/** Polls a job until it has finished, keeping every state it was seen in. */
async function settle(api: string, id: string): Promise<{ job: ImportJob; seen: ImportJob[] }> {
  const seen: ImportJob[] = [];
  for (let i = 0; i < 2000; i++) {
    const job = ImportJob.parse((await call(`${api}/admin/imports/${id}`, { token: tokens.admin })).body);
    seen.push(job);
    if (!['validating', 'writing'].includes(job.status)) return { job, seen };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

/** A Japanese HR export in Shift_JIS, with bad rows on the given data-row indexes. */
function shiftJisExport(ids: string[], badAt: number[]): Uint8Array {
  const lines = ['社員番号,氏名,フリガナ,入社日,退職日,所属部署,認識同意,オファー同意'];
  ids.forEach((id, index) =>
    lines.push(badAt.includes(index) ? `${id},渡辺 悠,ワタナベ ユウ,2014/04/01,2019年13月,営業部,はい,はい` : `${id},髙橋 一郎,タカハシ イチロウ,2010/04/01,2015/09/30,開発部,はい,いいえ`),
  );
  return iconv.encode(lines.join('\r\n'), 'Shift_JIS');
}

describe.each(backends)('import jobs on %s', (backend) => {
  let server: TestServer;
  const stored = async (ids: string[]) =>
    (await server.db.query<{ id: string }>('SELECT id FROM alumni WHERE id = ANY($1::text[])', [ids])).length;

  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
  });
  afterAll(() => server?.close());

  test('a preview names the encoding, the columns, the first rows and every bad row by line, and writes nothing', async () => {
    const ids = Array.from({ length: 8 }, uid);
    const reply = await post(server.api, '/admin/imports/preview', shiftJisExport(ids, [2, 6]));
    expect(reply.status).toBe(200);
    const preview = ImportPreview.parse(reply.body);
    expect(preview.encoding).toBe('shift_jis');
    expect(preview.columns.slice(0, 3)).toEqual([
      { header: '社員番号', column: 'employee_id' },
      { header: '氏名', column: 'display_name' },
      { header: 'フリガナ', column: 'kana' },
    ]);
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0]).toEqual([ids[0], '髙橋 一郎', 'タカハシ イチロウ', '2010/04/01', '2015/09/30', '開発部', 'はい', 'いいえ']);
    expect(preview).toMatchObject({ totalRows: 8, validRows: 6 });
    expect(preview.errors.map((e) => e.line)).toEqual([4, 8]);
    expect(preview.errors[0].reason).toMatch(/tenure_to: "2019年13月" is not a month/);
    expect(await stored(ids)).toBe(0);
    const unreadable = await post(server.api, '/admin/imports/preview', 'who,what\n1,2\n');
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error.message).toMatch(/Unknown column/);
  });

  test('POST answers 202 with a job at once; polling shows progress and then the counts; history says who and when', async () => {
    const ids = Array.from({ length: 3000 }, uid);
    const csv = toCsv(ids.map((id, i) => alumnusRow(id, i === 10 || i === 2000 ? { tenure_from: 'someday' } : {})));
    const reply = await post(server.api, '/admin/imports?skipInvalid=true&fileName=hr-export.csv', csv);
    expect(reply.status).toBe(202);
    const started = ImportJob.parse(reply.body);
    expect(reply.headers.get('location')).toBe(`/api/v1/admin/imports/${started.id}`);
    expect(started).toMatchObject({ status: 'validating', fileName: 'hr-export.csv', skipInvalid: true, createdBy: 'Aiko Mori (Alumni Programme)' });

    const { job, seen } = await settle(server.api, started.id);
    expect(job.status).toBe('succeeded');
    expect(job.report).toMatchObject({ imported: 2998, updated: 0, skipped: 2 });
    expect(job.report.errors.map((e) => e.line)).toEqual([12, 2002]);
    expect(job.progress).toEqual({ rowsRead: 3000, rowsTotal: 2998, rowsWritten: 2998 });
    expect(job.encoding).toBe('utf-8');
    expect(job.finishedAt).toBeDefined();
    // Progress was visible while it ran: rows written grew without jumping from nothing to everything.
    const writing = seen.filter((s) => s.status === 'writing').map((s) => s.progress.rowsWritten);
    expect(writing.some((n) => n > 0 && n < 2998)).toBe(true);
    expect(await stored(ids)).toBe(2998);

    const history = (await call(`${server.api}/admin/imports`, { token: tokens.admin })).body.jobs as ImportJob[];
    expect(history[0]).toMatchObject({ id: started.id, createdBy: 'Aiko Mori (Alumni Programme)', report: { imported: 2998, skipped: 2 } });
    const audit = (await call(`${server.api}/admin/audit`, { token: tokens.admin })).body.entries;
    expect(audit.filter((e: { target?: string }) => e.target === started.id).map((e: { action: string }) => e.action)).toEqual([
      'import.succeeded',
      'import.start',
    ]);
  });

  test('a file with bad rows, imported without skipping, is rejected as a whole: nothing written, every bad line named', async () => {
    const ids = Array.from({ length: 40 }, uid);
    const started = ImportJob.parse((await post(server.api, '/admin/imports?fileName=bad.csv', shiftJisExport(ids, [0, 39]))).body);
    const { job } = await settle(server.api, started.id);
    expect(job.status).toBe('rejected');
    expect(job.report.errors.map((e) => e.line)).toEqual([2, 41]);
    expect(job.message).toMatch(/2 row\(s\) are invalid, so nothing was imported/);
    expect(job.progress.rowsWritten).toBe(0);
    expect(await stored(ids)).toBe(0);

    const unreadable = ImportJob.parse((await post(server.api, '/admin/imports', 'employee_id,display_name\n"broken,\n')).body);
    const broken = await settle(server.api, unreadable.id);
    expect(broken.job.status).toBe('rejected');
    expect(broken.job.message).toMatch(/Required column|not well-formed/);
  });

  test('a running import can be cancelled: it stops, says so, and what it wrote by then stays consistent', async () => {
    const ids = Array.from({ length: 20_000 }, uid);
    const started = ImportJob.parse((await post(server.api, '/admin/imports', toCsv(ids.map((id) => alumnusRow(id))))).body);
    const cancel = await call(`${server.api}/admin/imports/${started.id}/cancel`, { method: 'POST', token: tokens.admin });
    expect(cancel.status).toBe(202);
    const { job } = await settle(server.api, started.id);
    expect(job.status).toBe('cancelled');
    expect(await stored(ids)).toBe(job.progress.rowsWritten);
    expect(job.progress.rowsWritten).toBeLessThan(ids.length);
    expect((await call(`${server.api}/admin/imports/${started.id}/cancel`, { method: 'POST', token: tokens.admin })).status).toBe(409);
  });

  test('only admins import; recruiters get 403 and no job', async () => {
    const before = (await call(`${server.api}/admin/imports`, { token: tokens.admin })).body.jobs.length;
    expect((await post(server.api, '/admin/imports', toCsv([alumnusRow(uid())]), tokens.recruiter)).status).toBe(403);
    expect((await call(`${server.api}/admin/imports`, { token: tokens.admin })).body.jobs.length).toBe(before);
  });
});
