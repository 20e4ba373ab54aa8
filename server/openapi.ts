import * as z from 'zod/mini';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { APP_VERSION } from './version';
import {
  Alumnus,
  ApiError,
  DirectoryPage,
  ImportReport,
  Interest,
  InterestInput,
  InterestList,
  Meeting,
  MeetingEventInput,
  MeetingInput,
  MeetingsPage,
  MyProfile,
  Showcase,
  ShowcaseInput,
  Suggestion,
  SuggestionInput,
  Introduction,
  IntroductionInput,
  IntroductionList,
  Me,
  Offer,
  OfferInput,
  OfferPatch,
  Organization,
  OffersPage,
  OrganizationsPage,
  RecordId,
  SnapshotHeader,
  SyncQuery,
} from '../utils/api';
import { CompanyBody, ImportQuery, OrganizationBody } from './routes/admin-routes';
import { InterestsQuery, IntroductionsQuery } from './routes/log-routes';
import { consolePaths } from './openapi-console';
import { MeetingIdPath } from './routes/matching-routes';

const json = <T extends z.core.$ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ApiError) });
const idPath = z.object({ id: RecordId });

/** Answers every authenticated endpoint may give besides its own. */
const authErrors: ZodOpenApiResponsesObject = {
  '401': error('No valid bearer token'),
  '403': error('The token’s role may not use this endpoint'),
};
const inputErrors: ZodOpenApiResponsesObject = {
  '400': error('Malformed JSON or a body/query that fails the contract (zod issues listed)'),
  '413': error('Body too large'),
  '415': error('Body is not JSON'),
};

function op(roles: string, summary: string, operation: Omit<ZodOpenApiOperationObject, 'summary'>): ZodOpenApiOperationObject {
  return { summary, description: `Roles: ${roles}.`, security: [{ bearer: [] }], ...operation, responses: { ...authErrors, ...operation.responses } };
}

function syncOperation(roles: string, summary: string, page: z.core.$ZodType): ZodOpenApiOperationObject {
  return op(roles, summary, {
    requestParams: { query: SyncQuery },
    responses: { '200': { description: 'One page of changes after `since`', ...json(page) }, '400': error('Invalid query or cursor') },
  });
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the server parses requests with. */
export function openApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Alumni Lens API',
      // The product's version (package.json): the server and the extension are released together.
      version: APP_VERSION,
      description:
        'The alumni backend the Alumni Lens extension syncs from and logs introductions to. Delta-sync feeds answer ' +
        'changes after an opaque cursor; POSTs of client-identified records are idempotent by their UUID.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'alumni_lens_session', description: 'The console’s session (POST /session)' },
      },
    },
    paths: {
      '/health': {
        get: { summary: 'Liveness and database check', responses: { '200': { description: 'Up', ...json(z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() })) } } },
      },
      '/me': {
        get: op('any', 'Who the token belongs to, and the company’s own names', {
          responses: { '200': { description: 'The user and company', ...json(Me) }, '503': error('Company names not configured yet') },
        }),
      },
      '/directory': { get: syncOperation('admin, recruiter, sales', 'Delta sync of consenting alumni', DirectoryPage) },
      '/directory/snapshot': {
        get: op('admin, recruiter, sales', 'The whole directory in one answer, to start a client’s copy', {
          description:
            'Roles: admin, recruiter, sales. application/x-alumni-lens-snapshot: line 1 is a DirectorySnapshotHeader (the cursor ' +
            'to continue from with GET /directory?since=, the records\u2019 ids, those with a published showcase, and the length ' +
            'of the index); then that many bytes of the serialised recognition index of these records (UTF-8, the engine format ' +
            'the header names); then one Alumnus per line as GET /directory serves it. Built once per directory version (admins ' +
            'and recruiters share one, sales have their own); compressed with br or gzip as Accept-Encoding allows; a weak ETag ' +
            'answers If-None-Match with 304. Cache-Control: private, no-cache.',
          requestParams: { header: z.object({ 'if-none-match': z.optional(z.string()) }) },
          responses: {
            '200': {
              description: 'Header line, recognition index, then one alumnus per line',
              content: { 'application/x-alumni-lens-snapshot': { schema: z.union([SnapshotHeader, Alumnus]) } },
            },
            '304': { description: 'The snapshot named by If-None-Match is still current' },
          },
        }),
      },
      '/organizations': { get: syncOperation('any (alumni: those an open offer concerns)', 'Delta sync of organisations', OrganizationsPage) },
      '/offers': { get: syncOperation('any (alumni: open offers only)', 'Delta sync of collaboration offers', OffersPage) },
      '/introductions': {
        post: op('admin, recruiter, sales', 'Log an introduction (idempotent by id)', {
          requestBody: json(IntroductionInput),
          responses: {
            '201': { description: 'Stored', ...json(Introduction) },
            '200': { description: 'Already stored with this id and body', ...json(Introduction) },
            '404': error('Unknown alumnus'),
            '409': error('Id already used for a different introduction'),
            ...inputErrors,
          },
        }),
        get: op('admin, recruiter, sales', 'Introductions logged for an alumnus', {
          requestParams: { query: IntroductionsQuery },
          responses: { '200': { description: 'Oldest first', ...json(IntroductionList) }, '404': error('Unknown alumnus'), '400': error('Invalid query') },
        }),
      },
      '/interests': {
        post: op('alumni', 'Register interest in an offer (idempotent by id)', {
          requestBody: json(InterestInput),
          responses: {
            '201': { description: 'Stored', ...json(Interest) },
            '200': { description: 'Already stored with this id and body', ...json(Interest) },
            '404': error('Unknown offer'),
            '409': error('Id already used for a different interest, or the offer is closed'),
            ...inputErrors,
          },
        }),
        get: op('alumni (own), admin (all)', 'Registered interests', {
          requestParams: { query: InterestsQuery },
          responses: { '200': { description: 'Oldest first', ...json(InterestList) } },
        }),
      },
      '/me/profile': {
        get: op('alumni', 'The alumnus’s own record, showcase and the open offers suggested to them', {
          responses: {
            '200': { description: 'What the alumnus’s own client syncs about them', ...json(MyProfile) },
            '404': error('The alumnus record was erased'),
            '409': error('The token is not linked to an alumnus record'),
          },
        }),
      },
      '/me/showcase': {
        get: op('alumni', 'The alumnus’s own showcase (“what I do now”)', {
          responses: {
            '200': { description: 'The showcase, published or not', ...json(Showcase) },
            '404': error('No showcase yet'),
            '409': error('The token is not linked to an alumnus record'),
          },
        }),
        put: op('alumni', 'Create or replace the showcase; staff see it in the directory only while published', {
          requestBody: json(ShowcaseInput),
          responses: {
            '200': { description: 'Stored', ...json(Showcase) },
            '404': error('The alumnus record was erased'),
            '409': error('The token is not linked to an alumnus record'),
            ...inputErrors,
          },
        }),
      },
      '/suggestions': {
        post: op('admin, recruiter, sales', 'Suggest an open offer to an alumnus (idempotent by id; once per alumnus and offer)', {
          requestBody: json(SuggestionInput),
          responses: {
            '201': { description: 'Stored', ...json(Suggestion) },
            '200': { description: 'Already stored with this id and body, or the offer was already suggested to this alumnus (the earlier suggestion)', ...json(Suggestion) },
            '404': error('Unknown alumnus or offer'),
            '409': error('Id already used for a different suggestion, the offer is closed, or the alumnus did not agree to offers'),
            ...inputErrors,
          },
        }),
      },
      '/meetings': {
        post: op('any', 'Request a meeting (alumni: about an offer) or propose one to an alumnus (staff); idempotent by id', {
          requestBody: json(MeetingInput),
          responses: {
            '201': { description: 'Created', ...json(Meeting) },
            '200': { description: 'Already created with this id and body: the meeting as it is now', ...json(Meeting) },
            '404': error('Unknown alumnus or offer'),
            '409': error('Id already used for a different meeting, the offer is closed, the alumnus did not agree to offers, or the token is not linked to an alumnus'),
            ...inputErrors,
          },
        }),
        get: syncOperation('any (each sees only the meetings they take part in; admins all)', 'Delta sync of meetings', MeetingsPage),
      },
      '/meetings/{id}/events': {
        post: op('any who sees the meeting', 'One step of a meeting: accept, decline, propose-times, held, cancel (idempotent by the step’s id)', {
          requestParams: { path: MeetingIdPath },
          requestBody: json(MeetingEventInput),
          responses: {
            '201': { description: 'Applied: the meeting after the step', ...json(Meeting) },
            '200': { description: 'Already applied with this id and body: the meeting as it is now', ...json(Meeting) },
            '404': error('No such meeting for this caller'),
            '409': error('The step does not fit the meeting’s state (the reason says why), or its id was used for a different step'),
            ...inputErrors,
          },
        }),
      },
      '/admin/alumni/import': {
        post: op('admin', 'Import alumni from an HR CSV export (UTF-8 or Shift_JIS), upserting by employee id', {
          requestParams: { query: ImportQuery },
          requestBody: { content: { 'text/csv': { schema: z.string() } } },
          responses: {
            '200': { description: 'Imported', ...json(ImportReport) },
            '422': { description: 'Bad rows, nothing imported', ...json(z.extend(ApiError, { report: ImportReport })) },
            '400': error('Unreadable file: encoding, quoting or header'),
            '413': error('File too large'),
          },
        }),
      },
      '/admin/alumni/{id}': {
        delete: op('admin', 'Erase an alumnus: directory record, showcase, suggestions, meetings and their steps; introductions anonymised; their own tokens and interests removed (clients drop them on next sync; the audit entry alumnus.erase counts what was touched)', {
          requestParams: { path: idPath },
          responses: { '204': { description: 'Erased' }, '404': error('Unknown alumnus') },
        }),
      },
      '/admin/offers': {
        post: op('admin', 'Create an offer', {
          requestBody: json(OfferInput),
          responses: { '201': { description: 'Created', ...json(Offer) }, ...inputErrors },
        }),
      },
      '/admin/offers/{id}': {
        patch: op('admin', 'Change an offer', {
          requestParams: { path: idPath },
          requestBody: json(OfferPatch),
          responses: { '200': { description: 'Changed', ...json(Offer) }, '404': error('Unknown offer'), ...inputErrors },
        }),
      },
      '/admin/offers/{id}/close': {
        post: op('admin', 'Close an offer', {
          requestParams: { path: idPath },
          responses: { '200': { description: 'Closed', ...json(Offer) }, '404': error('Unknown offer') },
        }),
      },
      '/admin/organizations/{id}': {
        put: op('admin', 'Create or replace an organisation', {
          requestParams: { path: idPath },
          requestBody: json(OrganizationBody),
          responses: { '201': { description: 'Created', ...json(Organization) }, '200': { description: 'Replaced', ...json(Organization) }, ...inputErrors },
        }),
        delete: op('admin', 'Delete an organisation', {
          requestParams: { path: idPath },
          responses: { '204': { description: 'Deleted' }, '404': error('Unknown organisation') },
        }),
      },
      '/admin/company': {
        put: op('admin', 'Set the company’s own name, aliases and domains', {
          requestBody: json(CompanyBody),
          responses: { '200': { description: 'Stored', ...json(CompanyBody) }, ...inputErrors },
        }),
      },
      ...consolePaths,
    },
  });
}
