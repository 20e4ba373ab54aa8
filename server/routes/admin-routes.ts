import { Hono } from 'hono';
import * as z from 'zod/mini';
import { Me, OfferInput, OfferPatch, OrganizationInput } from '../../utils/api';
import { parseEncodingName, UndecodableCsv } from '../csv/decode';
import { importAlumniCsv } from '../csv/import-alumni';
import { InvalidCsvFile } from '../csv/parse-alumni-csv';
import type { Database } from '../db/database';
import { requireRole, type AppEnv } from '../http/auth';
import { parseJsonBody, parseQuery } from '../http/parse-input';
import { ApiProblem, notFound, problemBody } from '../http/problem';
import { refusePublicSuffixes } from '../http/registrable-domains';
import { eraseAlumnus } from '../console/erasure';
import { recordAudit } from '../store/audit';
import { setCompany } from '../store/company';
import { createOffer, updateOffer } from '../store/offers';
import { deleteOrganization, upsertOrganization } from '../store/organizations';
import { idParam } from './path-params';

export const ImportQuery = z.object({
  skipInvalid: z.optional(z.enum(['true', 'false'])).check(z.describe('Import the good rows and report the bad ones')),
  encoding: z.optional(z.string().check(z.maxLength(40))).check(z.describe('utf-8 or shift_jis; detected when absent')),
});
export const OrganizationBody = z.omit(OrganizationInput, { id: true }).register(z.globalRegistry, { id: 'OrganizationBody' });
// A check (not .register) so the id goes on a copy: Me's own `company` stays inline.
export const CompanyBody = Me.shape.company.check(z.meta({ id: 'Company' }));

export const csvTypes = /^(text\/csv|text\/plain|application\/csv|application\/octet-stream)\b/i;

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
        const { applied, report } = await importAlumniCsv(db.background, bytes, { skipInvalid: query.skipInvalid === 'true', encoding });
        if (applied) {
          await recordAudit(db, c.get('user'), 'import.succeeded', undefined, { imported: report.imported, updated: report.updated, skipped: report.skipped });
          return c.json(report);
        }
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
      const erased = await eraseAlumnus(db, id);
      if (!erased) throw notFound(`Alumnus ${id}`);
      // The log says that an erasure happened and what it touched, never whom it concerned.
      await recordAudit(db, c.get('user'), 'alumnus.erase', undefined, { ...erased });
      return c.body(null, 204);
    })
    .post('/offers', async (c) => {
      const offer = await createOffer(db, await parseJsonBody(c, OfferInput));
      await recordAudit(db, c.get('user'), 'offer.create', offer.id, { title: offer.title });
      return c.json(offer, 201);
    })
    .patch('/offers/:id', async (c) => {
      const id = idParam(c.req.param('id'));
      const patch = await parseJsonBody(c, OfferPatch);
      const offer = await updateOffer(db, id, patch);
      await recordAudit(db, c.get('user'), 'offer.update', id, { fields: Object.keys(patch) });
      return c.json(offer);
    })
    .post('/offers/:id/close', async (c) => {
      const id = idParam(c.req.param('id'));
      const offer = await updateOffer(db, id, { status: 'closed' });
      await recordAudit(db, c.get('user'), 'offer.close', id);
      return c.json(offer);
    })
    .put('/organizations/:id', async (c) => {
      const id = idParam(c.req.param('id'));
      const body = await parseJsonBody(c, OrganizationBody);
      refusePublicSuffixes(body.domains);
      const { organization, created } = await upsertOrganization(db, { id, ...body });
      await recordAudit(db, c.get('user'), created ? 'organization.create' : 'organization.update', id, { name: organization.name });
      return c.json(organization, created ? 201 : 200);
    })
    .delete('/organizations/:id', async (c) => {
      const id = idParam(c.req.param('id'));
      if (!(await deleteOrganization(db, id))) throw notFound(`Organization ${id}`);
      await recordAudit(db, c.get('user'), 'organization.delete', id);
      return c.body(null, 204);
    })
    .put('/company', async (c) => {
      const company = await parseJsonBody(c, CompanyBody);
      refusePublicSuffixes(company.domains);
      await setCompany(db, company);
      await recordAudit(db, c.get('user'), 'company.update', undefined, { name: company.name });
      return c.json(company);
    });
}
