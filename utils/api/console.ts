import * as z from 'zod/mini';
import { Alumnus } from './alumnus';
import { ImportReport } from './error';
import { Interest } from './interest';
import { Introduction, IntroductionKind } from './introduction';
import { Meeting } from './meeting';
import { OfferKind } from './offer';
import { RecordId, Role, ShortText, Timestamp, YearMonth } from './common';

// The console's part of the contract (/admin/ in a browser, signed in with a session cookie). Not exported from
// index.ts: content scripts bundle the contract, and these schemas register themselves (no tree-shaking).

const Count = /* @__PURE__ */ z.number().check(z.int(), z.gte(0));

/** Signing in: the token is pasted once and exchanged for an HttpOnly session cookie. */
export const SessionInput = /* @__PURE__ */ z
  .object({ token: z.string().check(z.trim(), z.minLength(1), z.maxLength(512)) })
  .register(z.globalRegistry, { id: 'SessionInput' });
export type SessionInput = z.infer<typeof SessionInput>;

export const Session = /* @__PURE__ */ z
  .object({
    user: z.object({ name: ShortText, role: Role }),
    csrfToken: z.string().check(z.describe('Send it back as X-CSRF-Token on every POST, PUT, PATCH and DELETE')),
    expiresAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Session' });
export type Session = z.infer<typeof Session>;

export const ConsentFilter = /* @__PURE__ */ z.enum(['recognition', 'no-recognition', 'offers', 'no-offers']);
export type ConsentFilter = z.infer<typeof ConsentFilter>;

const optionalText = /* @__PURE__ */ z.optional(z.string().check(z.trim(), z.maxLength(200)));

export const AlumniSearchQuery = /* @__PURE__ */ z.object({
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))).check(z.describe('A name in any script: 山田, やまだ, Yamada')),
  department: optionalText,
  leftYear: z.optional(z.coerce.number().check(z.int(), z.gte(1900), z.lte(2200))),
  employer: optionalText,
  consent: z.optional(ConsentFilter),
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
});
export type AlumniSearchQuery = z.input<typeof AlumniSearchQuery>;

export const AlumnusSummary = /* @__PURE__ */ z
  .object({
    id: RecordId,
    name: ShortText,
    kana: z.optional(ShortText),
    latin: z.optional(ShortText),
    department: z.optional(ShortText),
    leftOn: z.optional(YearMonth),
    employer: z.optional(ShortText),
    consent: z.object({ recognition: z.boolean(), offers: z.boolean() }),
  })
  .register(z.globalRegistry, { id: 'AlumnusSummary' });
export type AlumnusSummary = z.infer<typeof AlumnusSummary>;

export const AlumniSearchPage = /* @__PURE__ */ z
  .object({ alumni: z.array(AlumnusSummary), total: Count, page: Count, pageSize: Count })
  .register(z.globalRegistry, { id: 'AlumniSearchPage' });
export type AlumniSearchPage = z.infer<typeof AlumniSearchPage>;

export const AlumniFacets = /* @__PURE__ */ z
  .object({
    departments: z.array(z.object({ name: ShortText, count: Count })),
    leftYears: z.array(z.object({ year: Count, count: Count })),
  })
  .register(z.globalRegistry, { id: 'AlumniFacets' });
export type AlumniFacets = z.infer<typeof AlumniFacets>;

export const AlumnusDetail = /* @__PURE__ */ z
  .object({
    alumnus: Alumnus.check(z.describe('With `showcase` while the alumnus has it published, as the directory serves it to staff')),
    introductions: z.array(Introduction),
    interests: z.optional(z.array(Interest)).check(z.describe('Admins only: interests sent with this alumnus’s own tokens')),
    meetings: z
      .array(Meeting)
      .check(z.describe('The meetings with this alumnus the viewer may see (admins: all; other staff: as creator, offer contact or relationship owner)')),
  })
  .register(z.globalRegistry, { id: 'AlumnusDetail' });
export type AlumnusDetail = z.infer<typeof AlumnusDetail>;

/**
 * How far meetings got: each stage counts the meetings that reached it, whatever happened later (a meeting
 * accepted and then cancelled counts as requested and accepted). Over the meetings the viewer may see.
 */
export const MeetingFunnel = /* @__PURE__ */ z
  .object({
    requested: Count.check(z.describe('Every meeting asked for, by either side')),
    accepted: Count.check(z.describe('Meetings accepted at some point')),
    held: Count,
    deal: Count.check(z.describe('Held meetings that ended in a deal')),
    followUp: Count,
    noDeal: Count,
    awaitingAnswer: Count.check(z.describe('Meetings waiting for an answer now')),
    declined: Count,
    cancelled: Count,
  })
  .register(z.globalRegistry, { id: 'MeetingFunnel' });
export type MeetingFunnel = z.infer<typeof MeetingFunnel>;

/** The figures behind the overview's charts. Sections a role may not see are left out. */
export const Overview = /* @__PURE__ */ z
  .object({
    introductionsByMonth: z.array(z.object({ month: YearMonth, kind: IntroductionKind, count: Count })),
    offers: z.array(
      z.object({
        id: RecordId,
        title: ShortText,
        kind: OfferKind,
        status: z.enum(['open', 'closed']),
        interests: z.optional(Count).check(z.describe('Admins only')),
        meetings: Count.check(z.describe('Meetings about the offer that the viewer may see')),
      }),
    ),
    meetings: MeetingFunnel,
    employers: z.array(z.object({ name: ShortText, count: Count })).check(z.describe('Top 20 current organisations')),
    cohorts: z.array(z.object({ department: z.string(), year: Count, count: Count })),
    consent: z.optional(z.object({ alumni: Count, recognition: Count, offers: Count })),
    showcases: z.optional(
      z.object({ published: Count, unpublished: Count }).check(z.describe('Admins only: alumni showcases, published to staff or kept private')),
    ),
    freshness: z.optional(
      z.object({
        clientsByDay: z.array(z.object({ day: z.iso.date(), count: Count })),
        neverSynced: Count,
        outbox: z.object({ clientsReporting: Count, clientsWithFailures: Count, failed: Count, pending: Count }),
      }),
    ),
  })
  .register(z.globalRegistry, { id: 'Overview' });
export type Overview = z.infer<typeof Overview>;

export const MeetingList = /* @__PURE__ */ z.object({ meetings: z.array(Meeting) }).register(z.globalRegistry, { id: 'MeetingList' });
export type MeetingList = z.infer<typeof MeetingList>;

export const ImportColumn = /* @__PURE__ */ z.object({ header: z.string(), column: z.nullable(z.string()) });

/** What an import would do, before anything is written. */
export const ImportPreview = /* @__PURE__ */ z
  .object({
    encoding: z.enum(['utf-8', 'shift_jis']),
    columns: z.array(ImportColumn),
    rows: z.array(z.array(z.string())).check(z.describe('The first rows as they are in the file')),
    totalRows: Count,
    validRows: Count,
    errors: z.array(z.object({ line: Count, reason: z.string() })),
  })
  .register(z.globalRegistry, { id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportJobStatus = /* @__PURE__ */ z.enum(['validating', 'writing', 'succeeded', 'rejected', 'failed', 'cancelled']);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const ImportJob = /* @__PURE__ */ z
  .object({
    id: RecordId,
    status: ImportJobStatus,
    createdBy: ShortText,
    createdAt: Timestamp,
    finishedAt: z.optional(Timestamp),
    fileName: z.optional(z.string()),
    bytes: Count,
    encoding: z.optional(z.enum(['utf-8', 'shift_jis'])),
    skipInvalid: z.boolean(),
    progress: z.object({ rowsRead: Count, rowsTotal: z.optional(Count), rowsWritten: Count }),
    report: ImportReport,
    message: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: 'ImportJob' });
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportJobList = /* @__PURE__ */ z.object({ jobs: z.array(ImportJob) }).register(z.globalRegistry, { id: 'ImportJobList' });
export type ImportJobList = z.infer<typeof ImportJobList>;

export const TokenHolder = /* @__PURE__ */ z
  .object({
    id: RecordId,
    name: ShortText,
    role: Role,
    createdAt: Timestamp,
    createdBy: z.optional(z.string()),
    lastSyncedAt: z.optional(Timestamp),
    alumnusId: z.optional(RecordId),
  })
  .register(z.globalRegistry, { id: 'TokenHolder' });
export type TokenHolder = z.infer<typeof TokenHolder>;

export const TokenHolderList = /* @__PURE__ */ z.object({ tokens: z.array(TokenHolder) }).register(z.globalRegistry, { id: 'TokenHolderList' });
export type TokenHolderList = z.infer<typeof TokenHolderList>;

export const TokenInput = /* @__PURE__ */ z
  .object({ name: ShortText, role: Role, alumnusId: z.optional(RecordId).check(z.describe('For alumni tokens: whose token it is')) })
  .register(z.globalRegistry, { id: 'TokenInput' });
export type TokenInput = z.infer<typeof TokenInput>;

export const NewToken = /* @__PURE__ */ z
  .object({ holder: TokenHolder, token: z.string().check(z.describe('Shown once; only its hash is stored')) })
  .register(z.globalRegistry, { id: 'NewToken' });
export type NewToken = z.infer<typeof NewToken>;

export const AuditEntry = /* @__PURE__ */ z
  .object({
    id: Count,
    at: Timestamp,
    actor: z.string(),
    actorRole: z.string(),
    action: z.string(),
    target: z.optional(z.string()),
    details: z.record(z.string(), z.unknown()),
  })
  .register(z.globalRegistry, { id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = /* @__PURE__ */ z
  .object({ entries: z.array(AuditEntry), next: z.optional(z.string()) })
  .register(z.globalRegistry, { id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;

const OutboxCount = Count.check(z.lte(1_000_000));

/** What a client says about its outbox after a sync, so the console can show failures nobody sees. */
export const ClientStatusInput = /* @__PURE__ */ z
  // Stored in integer columns: a count beyond what a real outbox can hold is refused (400), never a 500.
  .object({ outbox: z.object({ pending: OutboxCount, failed: OutboxCount }) })
  .register(z.globalRegistry, { id: 'ClientStatusInput' });
export type ClientStatusInput = z.infer<typeof ClientStatusInput>;
