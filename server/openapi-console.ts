import * as z from 'zod/mini';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { ApiError, RecordId } from '../utils/api';
import {
  AlumniFacets,
  AlumniSearchPage,
  AlumniSearchQuery,
  AlumnusDetail,
  AuditPage,
  ClientStatusInput,
  ImportJob,
  ImportJobList,
  ImportPreview,
  MeetingList,
  NewToken,
  Overview,
  Session,
  SessionInput,
  TokenHolderList,
  TokenInput,
} from '../utils/api/console';
import { AuditQuery, ExportPath, ImportJobQuery, PreviewQuery } from './routes/console-admin-routes';

const json = <T extends z.core.$ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ApiError) });
const idPath = z.object({ id: RecordId });
const csvBody = { content: { 'text/csv': { schema: z.string() } } };

const authErrors: ZodOpenApiResponsesObject = {
  '401': error('No valid bearer token or console session (code session_expired when the session ended)'),
  '403': error('The role may not use this endpoint, or (console session) the request lacks Origin / X-CSRF-Token'),
};

function op(roles: string, summary: string, operation: Omit<ZodOpenApiOperationObject, 'summary'>): ZodOpenApiOperationObject {
  return {
    summary,
    description: `Roles: ${roles}. A bearer token, or the console's session cookie (changes then need X-CSRF-Token and a same-origin Origin).`,
    security: [{ bearer: [] }, { session: [] }],
    ...operation,
    responses: { ...authErrors, ...operation.responses },
  };
}

/** The console's endpoints (sessions, its views, imports as jobs, access, audit, exports) for the OpenAPI document. */
export const consolePaths: ZodOpenApiPathsObject = {
  '/session': {
    post: {
      summary: 'Sign in to the console: exchange a staff token for an HttpOnly, SameSite=Strict session cookie',
      requestBody: json(SessionInput),
      responses: {
        '201': { description: 'Signed in; Set-Cookie carries the session', ...json(Session) },
        '401': error('Unknown or revoked token'),
        '403': error('An alumni token, or the request did not come from this origin'),
      },
    },
    get: { summary: 'The current console session (and its CSRF token)', responses: { '200': { description: 'Signed in', ...json(Session) }, '401': error('Not signed in, or the session ended') } },
    delete: { summary: 'Sign out', responses: { '204': { description: 'Signed out; the cookie is cleared' }, '403': error('Cross-site request refused') } },
  },
  '/console/overview': {
    get: op('admin, recruiter, sales', 'Figures for the overview charts (meetings as the viewer may see them; consent, showcases, interests and freshness for admins only)', {
      responses: { '200': { description: 'Overview', ...json(Overview) } },
    }),
  },
  '/console/alumni': {
    get: op('admin, recruiter, sales (consenting alumni only)', 'Search and filter alumni, one page at a time', {
      requestParams: { query: AlumniSearchQuery },
      responses: { '200': { description: 'One page, sorted by name', ...json(AlumniSearchPage) }, '400': error('Invalid query') },
    }),
  },
  '/console/alumni/facets': {
    get: op('admin, recruiter, sales', 'Departments and leaving years to filter by', { responses: { '200': { description: 'Facets', ...json(AlumniFacets) } } }),
  },
  '/console/alumni/{id}': {
    get: op('admin, recruiter, sales', 'One alumnus with their published showcase, introductions, the meetings the viewer may see and (admins) interests', {
      requestParams: { path: idPath },
      responses: { '200': { description: 'Detail', ...json(AlumnusDetail) }, '404': error('Unknown, erased or (non-admins) not consenting') },
    }),
  },
  '/console/offers/{id}/meetings': {
    get: op('admin, recruiter, sales (the meetings each may see: admins all; others as creator, offer contact or relationship owner)', 'The meetings about one offer, newest first', {
      requestParams: { path: idPath },
      responses: { '200': { description: 'Meetings', ...json(MeetingList) }, '404': error('Unknown offer') },
    }),
  },
  '/clients/status': {
    post: op('any', 'A client reports its outbox after a sync (pending and failed items)', {
      requestBody: json(ClientStatusInput),
      responses: { '204': { description: 'Recorded' }, '400': error('Invalid body') },
    }),
  },
  '/admin/imports/preview': {
    post: op('admin', 'What an import would do: encoding, columns, first rows, every bad row (nothing is written)', {
      requestParams: { query: PreviewQuery },
      requestBody: csvBody,
      responses: { '200': { description: 'Preview', ...json(ImportPreview) }, '400': error('Unreadable file'), '413': error('File too large') },
    }),
  },
  '/admin/imports': {
    post: op('admin', 'Start a CSV import as a background job', {
      requestParams: { query: ImportJobQuery },
      requestBody: csvBody,
      responses: { '202': { description: 'Started; poll the job', ...json(ImportJob) }, '400': error('Unknown encoding'), '413': error('File too large') },
    }),
    get: op('admin', 'Import history, newest first', { responses: { '200': { description: 'Jobs', ...json(ImportJobList) } } }),
  },
  '/admin/imports/{id}': {
    get: op('admin', 'Progress and result of an import', {
      requestParams: { path: idPath },
      responses: { '200': { description: 'The job', ...json(ImportJob) }, '404': error('Unknown import') },
    }),
  },
  '/admin/imports/{id}/cancel': {
    post: op('admin', 'Cancel a running import (rows already written stay)', {
      requestParams: { path: idPath },
      responses: { '202': { description: 'Cancelling', ...json(ImportJob) }, '404': error('Unknown import'), '409': error('Not running') },
    }),
  },
  '/admin/tokens': {
    get: op('admin', 'Who holds tokens, with role and last sync', { responses: { '200': { description: 'Holders', ...json(TokenHolderList) } } }),
    post: op('admin', 'Create a token (shown once)', {
      requestBody: json(TokenInput),
      responses: { '201': { description: 'Created', ...json(NewToken) }, '400': error('Invalid body') },
    }),
  },
  '/admin/tokens/{id}': {
    delete: op('admin', 'Revoke a token (its console sessions end with it)', {
      requestParams: { path: idPath },
      responses: { '204': { description: 'Revoked' }, '404': error('Unknown token') },
    }),
  },
  '/admin/audit': {
    get: op('admin', 'Audit log of admin actions, newest first', {
      requestParams: { query: AuditQuery },
      responses: { '200': { description: 'Entries; pass `next` as `before` for older ones', ...json(AuditPage) } },
    }),
  },
  '/admin/exports/{kind}': {
    get: op('admin', 'Introductions, interests or meetings as CSV (UTF-8 with BOM; formulas neutralised)', {
      requestParams: { path: ExportPath },
      responses: { '200': { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } }, '404': error('Unknown export') },
    }),
  },
};
