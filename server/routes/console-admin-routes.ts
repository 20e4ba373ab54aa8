import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { TokenInput } from '../../utils/api/console';
import { exportCsv, exportKinds } from '../console/exports';
import { previewCsv, type ImportJobs } from '../console/import-jobs';
import { parseEncodingName, UndecodableCsv } from '../csv/decode';
import { InvalidCsvFile } from '../csv/parse-alumni-csv';
import type { Database } from '../db/database';
import { requireRole, type AppEnv } from '../http/auth';
import { parseJsonBody, parseQuery } from '../http/parse-input';
import { ApiProblem, notFound } from '../http/problem';
import { auditPage, recordAudit } from '../store/audit';
import { issueToken, listHolders, revokeHolder } from '../store/token-holders';
import { csvTypes } from './admin-routes';
import { idParam } from './path-params';

export const ImportJobQuery = z.object({
  skipInvalid: z.optional(z.enum(['true', 'false'])).check(z.describe('Import the good rows and report the bad ones')),
  encoding: z.optional(z.string().check(z.maxLength(40))).check(z.describe('utf-8 or shift_jis; detected when absent')),
  fileName: z.optional(z.string().check(z.maxLength(255))).check(z.describe('Shown in the import history')),
});
export const PreviewQuery = z.pick(ImportJobQuery, { encoding: true });
export const AuditQuery = z.object({
  before: z.optional(z.coerce.number().check(z.int(), z.gte(1))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
});
export const ExportPath = z.object({ kind: z.enum(exportKinds) });

/** The CSV body and its declared encoding; unreadable encodings are 400 like the file's own problems. */
async function csvBody(c: Context, declared: string | undefined) {
  const contentType = c.req.header('content-type') ?? 'text/csv';
  if (!csvTypes.test(contentType)) throw new ApiProblem(415, 'unsupported_media_type', 'Send the file as text/csv.');
  const charset = /charset=([^;\s]+)/i.exec(contentType)?.[1];
  const encoding = await csvProblems(() => parseEncodingName(declared ?? charset));
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), encoding };
}

/** A file the server cannot read is the client's problem: 400 with the line, as the synchronous import answers. */
async function csvProblems<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UndecodableCsv) throw new ApiProblem(400, 'invalid_csv', error.message);
    if (error instanceof InvalidCsvFile) throw new ApiProblem(400, 'invalid_csv', error.message, [{ path: ['line', error.line], message: error.message }]);
    throw error;
  }
}

/** The console's admin tools: import jobs, access (tokens) with the audit log, and CSV exports. */
export function consoleAdminRoutes(db: Database, jobs: ImportJobs) {
  return new Hono<AppEnv>()
    .use('*', requireRole(db, 'admin'))
    .post('/imports/preview', async (c) => {
      const { encoding } = parseQuery(c, PreviewQuery);
      const body = await csvBody(c, encoding);
      return c.json(await csvProblems(() => previewCsv(body.bytes, body.encoding)));
    })
    .post('/imports', async (c) => {
      const query = parseQuery(c, ImportJobQuery);
      const { bytes, encoding } = await csvBody(c, query.encoding);
      const job = await jobs.start({ bytes, encoding, skipInvalid: query.skipInvalid === 'true', fileName: query.fileName }, c.get('user'));
      return c.json(job, 202, { Location: `/api/v1/admin/imports/${job.id}` });
    })
    .get('/imports', async (c) => c.json({ jobs: await jobs.list() }))
    .get('/imports/:id', async (c) => {
      const id = idParam(c.req.param('id'));
      const job = await jobs.find(id);
      if (!job) throw notFound(`Import ${id}`);
      return c.json(job);
    })
    .post('/imports/:id/cancel', async (c) => {
      const id = idParam(c.req.param('id'));
      const job = await jobs.find(id);
      if (!job) throw notFound(`Import ${id}`);
      if (!jobs.cancel(id)) throw new ApiProblem(409, 'not_running', `Import ${id} is not running here (${job.status}).`);
      await recordAudit(db, c.get('user'), 'import.cancel', id);
      return c.json(job, 202);
    })
    .get('/tokens', async (c) => c.json({ tokens: await listHolders(db) }))
    .post('/tokens', async (c) => {
      const input = await parseJsonBody(c, TokenInput);
      const user = c.get('user');
      const created = await issueToken(db, input, user.name);
      await recordAudit(db, user, 'token.create', created.holder.id, { name: input.name, role: input.role });
      return c.json(created, 201);
    })
    .delete('/tokens/:id', async (c) => {
      const id = idParam(c.req.param('id'));
      const revoked = await revokeHolder(db, id);
      if (!revoked) throw notFound(`Token ${id}`);
      await recordAudit(db, c.get('user'), 'token.revoke', id, { name: revoked.name, role: revoked.role });
      return c.body(null, 204);
    })
    .get('/audit', async (c) => {
      const { before, limit } = parseQuery(c, AuditQuery);
      return c.json(await auditPage(db, before, limit));
    })
    .get('/exports/:kind', async (c) => {
      const parsed = ExportPath.safeParse({ kind: c.req.param('kind').replace(/\.csv$/, '') });
      if (!parsed.success) throw notFound(`Export ${c.req.param('kind')}`);
      const csv = await exportCsv(db, parsed.data.kind);
      await recordAudit(db, c.get('user'), 'export', parsed.data.kind);
      const day = new Date().toISOString().slice(0, 10);
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${parsed.data.kind}-${day}.csv"`,
        'Cache-Control': 'no-store',
      });
    });
}
