import { Hono } from 'hono';
import * as z from 'zod/mini';
import { Me, OfferInput, OfferPatch, OrganizationInput, RecordId } from '../../utils/api';
import { parseEncodingName, UndecodableCsv } from '../csv/decode';
import { importAlumniCsv } from '../csv/import-alumni';
import { InvalidCsvFile } from '../csv/parse-alumni-csv';
import type { Database } from '../db/database';
import { requireRole, type AppEnv } from '../http/auth';
import { parseJsonBody, parseQuery, refuseNul } from '../http/parse-input';
import { ApiProblem, invalidInput, notFound, problemBody } from '../http/problem';
import { refusePublicSuffixes } from '../http/registrable-domains';
import { deleteAlumnus } from '../store/alumni';
import { setCompany } from '../store/company';
import { createOffer, updateOffer } from '../store/offers';
import { deleteOrganization, upsertOrganization } from '../store/organizations';

export const ImportQuery = z.object({
  skipInvalid: z.optional(z.enum(['true', 'false'])).check(z.describe('Import the good rows and report the bad ones')),
  encoding: z.optional(z.string().check(z.maxLength(40))).check(z.describe('utf-8 or shift_jis; detected when absent')),
});
export const OrganizationBody = z.omit(OrganizationInput, { id: true }).register(z.globalRegistry, { id: 'OrganizationBody' });
// A check (not .register) so the id goes on a copy: Me's own `company` stays inline.
export const CompanyBody = Me.shape.company.check(z.meta({ id: 'Company' }));

function idParam(value: string | undefined): string {
  refuseNul(value, 'path');
  const parsed = RecordId.safeParse(value);
  if (!parsed.success) throw invalidInput('path', parsed.error);
  return parsed.data;
}

const csvTypes = /^(text\/csv|text\/plain|application\/csv|application\/octet-stream)\b/i;

/** The alumni programme's own tools: directory import, offers, organisations, the company's names. */
export function adminRoutes(db: Database) {
  return new Hono<AppEnv>()
    .use('*', requireRole(db, 'admin'))
    .post('/alumni/import', async (c) => {
      const query = parseQuery(c, ImportQuery);
      const contentType = c.req.header('content-type') ?? 'text/csv';
      if (!csvTypes.test(contentType)) throw new ApiProblem(415, 'unsupported_media_type', 'Send the file as text/csv.');
      const charset = /charset=([^;\s]+)/i.exec(contentType)?.[1];
      try {
        const encoding = parseEncodingName(query.encoding ?? charset);
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const { applied, report } = await importAlumniCsv(db, bytes, { skipInvalid: query.skipInvalid === 'true', encoding });
        if (applied) return c.json(report);
        const message = `${report.errors.length} row(s) are invalid, so nothing was imported; fix them or ask for skipInvalid=true.`;
        const issues = report.errors.map(({ line, reason }) => ({ path: ['line', line], message: reason }));
        return c.json({ ...problemBody('invalid_rows', message, issues), report }, 422);
      } catch (error) {
        if (error instanceof UndecodableCsv) throw new ApiProblem(400, 'invalid_csv', error.message);
        if (error instanceof InvalidCsvFile) {
          throw new ApiProblem(400, 'invalid_csv', error.message, [{ path: ['line', error.line], message: error.message }]);
        }
        throw error;
      }
    })
    .delete('/alumni/:id', async (c) => {
      const id = idParam(c.req.param('id'));
      if (!(await db.transaction((tx) => deleteAlumnus(tx, id)))) throw notFound(`Alumnus ${id}`);
      return c.body(null, 204);
    })
    .post('/offers', async (c) => c.json(await createOffer(db, await parseJsonBody(c, OfferInput)), 201))
    .patch('/offers/:id', async (c) => {
      const id = idParam(c.req.param('id'));
      return c.json(await updateOffer(db, id, await parseJsonBody(c, OfferPatch)));
    })
    .post('/offers/:id/close', async (c) => c.json(await updateOffer(db, idParam(c.req.param('id')), { status: 'closed' })))
    .put('/organizations/:id', async (c) => {
      const id = idParam(c.req.param('id'));
      const body = await parseJsonBody(c, OrganizationBody);
      refusePublicSuffixes(body.domains);
      const { organization, created } = await upsertOrganization(db, { id, ...body });
      return c.json(organization, created ? 201 : 200);
    })
    .delete('/organizations/:id', async (c) => {
      const id = idParam(c.req.param('id'));
      if (!(await deleteOrganization(db, id))) throw notFound(`Organization ${id}`);
      return c.body(null, 204);
    })
    .put('/company', async (c) => {
      const company = await parseJsonBody(c, CompanyBody);
      refusePublicSuffixes(company.domains);
      await setCompany(db, company);
      return c.json(company);
    });
}
