import * as z from 'zod/mini';
import {
  Alumnus,
  HttpUrl,
  Introduction,
  IntroductionKind,
  Me,
  Meeting,
  MeetingStep,
  Offer,
  Organization,
  ProposedTimes,
  RecordId,
  Role,
  Showcase,
  ShowcaseInput,
} from '../api';
import { OutboxItemStatus } from '../outbox/status';
import { Confidence, Evidence } from '../recognition/verdict';
import { DISPLAY_MODES } from '../config/display-mode';
import { CONFIG_SOURCES } from '../config/source';
import { Diagnostic, LayerCounts, PageSignals } from '../signals/schema';

// The one message protocol between the extension's parts. Every request and every response has a
// zod schema, parsed on arrival. Names say the direction: `page:*` messages may come from content
// scripts (untrusted: they run beside host pages), `ui:*` only from the extension's own pages
// (popup, options). The background checks the sender before acting (senderKind in utils/messaging/router.ts).
// What the recognition engine concludes (recognition/verdict.ts) and the outbox's item status
// (outbox/status.ts) are those modules' own; messages carry them, and the UI takes them from here.

export { Confidence, Evidence, OutboxItemStatus };
export type { EvidenceKind, ListingPage } from '../recognition/verdict';
export type { OutboxState } from '../outbox/status';

export const Lang = z.enum(['en', 'ja']);
export type Lang = z.infer<typeof Lang>;

/** Why an offer fits a person (utils/matching/rank.ts); `code` picks the sentence, `params` fill it. */
export const MatchReason = z.object({
  code: z.enum(['skills', 'mentions', 'employer', 'suggested']),
  params: z.record(z.string(), z.string().check(z.maxLength(500))),
});
export type MatchReason = z.infer<typeof MatchReason>;

export const OfferFit = z.object({ offer: Offer, score: z.number(), reasons: z.array(MatchReason) });
export type OfferFit = z.infer<typeof OfferFit>;

/** Reasons by offer id, for offers listed in ranked order. */
export const OfferReasons = z.record(RecordId, z.array(MatchReason));
export type OfferReasons = z.infer<typeof OfferReasons>;

export const PersonMatch = z.object({
  /** Index into the request's `signals.people`; past its end for a name found in the request's `text` (see `NameInText`). */
  ref: z.number().check(z.int(), z.gte(0)),
  alumnus: Alumnus,
  confidence: Confidence,
  evidence: z.array(Evidence),
  /** Open offers concerning the person's current organisation. */
  offers: z.array(Offer),
});
export type PersonMatch = z.infer<typeof PersonMatch>;

/** [start, end) in UTF-16 code units of the text a content script sent: where a name is written. */
export const TextSpan = z
  .object({ start: z.number().check(z.int(), z.gte(0)), end: z.number().check(z.int(), z.gte(0)) })
  .check(z.refine((span) => span.end > span.start, 'a span ends after it starts'));
export type TextSpan = z.infer<typeof TextSpan>;

/** Where one name is written, at most: a page that repeats a name endlessly still gets one bounded answer. */
export const MAX_SPANS_PER_NAME = 1000;

/** An alumnus named in a page's text: the match (its ref past the page's own people) and where the name is written. */
export const NameInText = z.object({ match: PersonMatch, spans: z.array(TextSpan).check(z.minLength(1), z.maxLength(MAX_SPANS_PER_NAME)) });
export type NameInText = z.infer<typeof NameInText>;

export const OrganizationMatch = z.object({
  /** Index into the request's `signals.organizations`. */
  ref: z.number().check(z.int(), z.gte(0)),
  organization: Organization,
  /** Alumni who work there now. */
  alumni: z.array(Alumnus),
  offers: z.array(Offer),
  /** Alumni: why each offer fits them (the offers come best first). */
  offerReasons: z.optional(OfferReasons),
  /** Staff: alumni whose showcase or employer fits the offers concerning this organisation. */
  fittingAlumni: z.optional(z.array(z.object({ alumnus: Alumnus, reasons: z.array(MatchReason) }))),
});
export type OrganizationMatch = z.infer<typeof OrganizationMatch>;

const DisplayMode = z.enum(DISPLAY_MODES);

/** Everything a content script needs to render the page's sidebar and badges. */
export const PageSettings = z.object({
  enabled: z.boolean(),
  collapsed: z.boolean(),
  highlightNames: z.boolean(),
  lang: Lang,
  role: z.nullable(Role),
  configured: z.boolean(),
  /**
   * The in-page UI's strings in `lang` (utils/i18n/page-*.ts), from the worker: content scripts do not carry
   * both languages' tables (issue 11, content-script size).
   */
  strings: z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(2000))),
  /** Absent means in-page. */
  display: z.optional(DisplayMode),
});
export type PageSettings = z.infer<typeof PageSettings>;

export const SyncStatus = z.object({
  state: z.enum(['idle', 'syncing', 'error', 'unconfigured']),
  lastSuccessAt: z.nullable(z.number()),
  lastError: z.nullable(z.string().check(z.maxLength(2000))),
  /** While a sync runs: records received so far in this run. */
  progress: z.nullable(z.object({ received: z.number().check(z.int()), resource: z.string() })),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const TabRecognition = z.object({
  url: z.string().check(z.maxLength(2048)),
  site: z.string(),
  pageKind: z.string(),
  people: z.number().check(z.int()),
  organizations: z.number().check(z.int()),
  names: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(50)),
});
export type TabRecognition = z.infer<typeof TabRecognition>;

/** A match plus how the person appears on the page: the profile's subject, a list row, or a side rail. */
export const PagePerson = z.extend(PersonMatch, { role: z.enum(['subject', 'listed', 'related']) });
export type PagePerson = z.infer<typeof PagePerson>;

/** What a tab's page shows, as its content script published it for the side panel (kept by the worker per tab). */
export const PanelTab = z.object({
  /** Identifies the document that published it: the panel shows it only while that document is still there. */
  token: z.string().check(z.minLength(8), z.maxLength(64)),
  url: HttpUrl,
  site: z.string().check(z.maxLength(50)),
  people: z.array(PagePerson).check(z.maxLength(500)),
  organizations: z.array(OrganizationMatch).check(z.maxLength(100)),
  updatedAt: z.number(),
});
export type PanelTab = z.infer<typeof PanelTab>;

const NoPayload = z.strictObject({});
const Ok = z.object({ ok: z.literal(true) });

/**
 * Stored data the worker found unreadable and repaired (settings reset, a connection removed, the
 * recognition index rebuilt…), one counted row per problem; `what` is the reporter's key, `detail` why.
 */
export const StoredDataRepair = z.object({
  subject: z.enum(['settings', 'connection', 'policy', 'recognition-index', 'other']),
  what: z.string(),
  detail: z.string(),
  count: z.number().check(z.int()),
  lastAt: z.number(),
});
export type StoredDataRepair = z.infer<typeof StoredDataRepair>;

/** A meeting request, proposal, step or suggestion still in the outbox: shown with the meeting (or offer) it is about. */
export const PendingMatchingItem = z.object({
  item: OutboxItemStatus,
  meetingId: z.optional(z.uuid()),
  alumnusId: z.optional(RecordId),
  offerId: z.optional(RecordId),
  step: z.optional(z.enum(['request', 'accept', 'decline', 'propose-times', 'held', 'cancel', 'suggest'])),
});
export type PendingMatchingItem = z.infer<typeof PendingMatchingItem>;

const MeetingRequest = z.object({
  message: z.optional(z.string().check(z.maxLength(2000))),
  proposedTimes: ProposedTimes,
});

/** Request and response schema of every message, by name. */
export const messages = {
  // ——— from content scripts ———
  'page:get-settings': { request: z.object({ site: z.string().check(z.maxLength(50)) }), response: PageSettings },
  'page:set-collapsed': { request: z.object({ site: z.string().check(z.maxLength(50)), collapsed: z.boolean() }), response: Ok },
  /**
   * A page's people and organisations; on an organisation's website also its visible `text`, which the worker
   * scans for alumni names and matches with the page's people in the same pass (one round trip per read).
   */
  'page:match': {
    request: z.object({ url: HttpUrl, signals: PageSignals, text: z.optional(z.string().check(z.maxLength(2_000_000))) }),
    response: z.object({
      people: z.array(PersonMatch),
      organizations: z.array(OrganizationMatch),
      /** The alumni named in `text` whom the matcher vouches for (absent without a text). */
      named: z.optional(z.array(NameInText).check(z.maxLength(500))),
    }),
  },
  'page:report-diagnostic': { request: Diagnostic, response: Ok },
  /**
   * The in-page UI, asked once a page has something to show: the worker injects it into the asking frame's
   * isolated world (utils/background/page-ui-injection.ts). No payload: the tab and frame are the sender's own.
   */
  'page:load-ui': { request: NoPayload, response: Ok },
  /** User-initiated (a click): the backend learns of a viewed profile only when the user asks. */
  'page:load-introductions': {
    request: z.object({ alumnusId: RecordId }),
    response: z.object({ introductions: z.array(Introduction) }),
  },
  'page:log-introduction': {
    request: z.object({
      alumnusId: RecordId,
      kind: IntroductionKind,
      note: z.optional(z.string().check(z.maxLength(2000))),
      context: z.object({
        url: z.optional(HttpUrl),
        site: z.optional(z.string().check(z.maxLength(50))),
        organizationId: z.optional(RecordId),
      }),
    }),
    response: OutboxItemStatus,
  },
  'page:express-interest': {
    request: z.object({ offerId: RecordId, message: z.optional(z.string().check(z.maxLength(2000))) }),
    response: OutboxItemStatus,
  },
  /** The synced meetings (with one alumnus, or all), newest first, and the user's steps not yet delivered. */
  'page:meetings': {
    request: z.object({ alumnusId: z.optional(RecordId) }),
    response: z.object({ meetings: z.array(Meeting), pending: z.array(PendingMatchingItem) }),
  },
  /** Staff: the open offers that fit an alumnus, with the reasons (matched locally, on synced data). */
  'page:offer-fits': { request: z.object({ alumnusId: RecordId }), response: z.object({ fits: z.array(OfferFit) }) },
  /** Alumni: ask for a meeting about an offer. */
  'page:request-meeting': { request: z.extend(MeetingRequest, { offerId: RecordId }), response: OutboxItemStatus },
  /** Staff: propose a meeting to an alumnus, about an offer or not. */
  'page:propose-meeting': {
    request: z.extend(MeetingRequest, { alumnusId: RecordId, offerId: z.optional(RecordId) }),
    response: OutboxItemStatus,
  },
  'page:meeting-step': { request: z.object({ meetingId: z.uuid(), step: MeetingStep }), response: OutboxItemStatus },
  /** Staff: suggest an offer to an alumnus (they see "suggested by NAME"). */
  'page:suggest-offer': {
    request: z.object({ alumnusId: RecordId, offerId: RecordId, note: z.optional(z.string().check(z.maxLength(500))) }),
    response: OutboxItemStatus,
  },
  'page:outbox-status': { request: z.object({ ids: z.array(z.uuid()).check(z.maxLength(100)) }), response: z.array(OutboxItemStatus) },
  'page:open-options': { request: NoPayload, response: Ok },
  /** Side-panel mode: the page's results go to the worker (for the panel) instead of being drawn. */
  'page:panel-show': { request: z.omit(PanelTab, { updatedAt: true }), response: Ok },
  /** Side-panel mode: the page no longer shows what was published (navigated to a page not read). */
  'page:panel-clear': { request: z.object({ token: PanelTab.shape.token }), response: Ok },

  // ——— from the extension's own pages ———
  'ui:get-status': {
    request: NoPayload,
    response: z.object({
      me: z.nullable(Me),
      sync: SyncStatus,
      directorySize: z.number().check(z.int()),
      organizationsCount: z.number().check(z.int()),
      openOffers: z.number().check(z.int()),
      newOffers: z.number().check(z.int()),
      pendingOutbox: z.number().check(z.int()),
      failedOutbox: z.array(OutboxItemStatus),
      /** Meetings waiting for this user's answer (absent from a worker that predates meetings). */
      waitingMeetings: z.optional(z.number().check(z.int())),
      configSource: z.enum(CONFIG_SOURCES),
    }),
  },
  'ui:sync-now': { request: NoPayload, response: SyncStatus },
  /** The connection the options page shows (a token set by policy is never sent); only the worker holds it. */
  'ui:get-connection': {
    request: NoPayload,
    response: z.object({
      apiUrl: z.string().check(z.maxLength(2048)),
      token: z.string().check(z.maxLength(500)),
      locked: z.array(z.enum(['apiUrl', 'token'])),
    }),
  },
  /** Saves the user's connection in the worker's trusted store; it syncs at once. Refused for fields a policy sets. */
  'ui:save-connection': {
    request: z.object({ apiUrl: HttpUrl, token: z.string().check(z.minLength(1), z.maxLength(500)) }),
    response: Ok,
  },
  'ui:test-connection': {
    request: z.object({ apiUrl: HttpUrl, token: z.string().check(z.minLength(1), z.maxLength(500)) }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), me: Me }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]),
  },
  'ui:tab-recognition': {
    request: z.object({ tabId: z.number().check(z.int()) }),
    response: z.nullable(TabRecognition),
  },
  'ui:list-offers': {
    request: NoPayload,
    response: z.object({ offers: z.array(Offer), offerReasons: z.optional(OfferReasons) }),
  },
  /** Alumni: their showcase from the backend (or, offline, as last synced) and whether staff can see them at all. */
  'ui:get-showcase': {
    request: NoPayload,
    response: z.object({ showcase: z.nullable(Showcase), offline: z.boolean(), recognised: z.nullable(z.boolean()) }),
  },
  'ui:save-showcase': { request: ShowcaseInput, response: z.object({ showcase: Showcase }) },
  'ui:open-showcase-editor': { request: NoPayload, response: Ok },
  /** The side panel: what the tab's page showed (null: nothing published), the mode in effect and the user's role. */
  'ui:panel-state': {
    request: z.object({ tabId: z.number().check(z.int()) }),
    response: z.object({
      display: z.object({ mode: DisplayMode, locked: z.boolean() }),
      role: z.nullable(Role),
      tab: z.nullable(PanelTab),
    }),
  },
  'ui:mark-offers-seen': { request: NoPayload, response: Ok },
  /** The user's Retry on a failed outbox item: queued again and sent at once if it can be. */
  'ui:outbox-retry': { request: z.object({ id: z.uuid() }), response: z.object({ item: z.nullable(OutboxItemStatus) }) },
  /** The user's Discard on a failed outbox item (never on one still being sent). */
  'ui:outbox-discard': { request: z.object({ id: z.uuid() }), response: z.object({ discarded: z.boolean() }) },
  /** Match patterns for the synced organisations' domains (and the company's own), for the options page's access request. */
  'ui:organization-patterns': { request: NoPayload, response: z.object({ patterns: z.array(z.string().check(z.maxLength(300))) }) },
  'ui:get-diagnostics': {
    request: NoPayload,
    response: z.object({
      unrecognised: z.array(
        z.object({
          adapter: z.string(),
          pageKind: z.optional(z.string()),
          missing: z.string(),
          count: z.number().check(z.int()),
          /** Added with issue 8: what each reading layer found on the last such page. */
          layers: z.optional(LayerCounts),
        }),
      ),
      /** Added after `unrecognised`; absent from a worker that predates it, meaning none. */
      repaired: z.optional(z.array(StoredDataRepair)),
      lastSyncError: z.nullable(z.string()),
    }),
  },
} as const;

export type MessageName = keyof typeof messages;
export type RequestOf<N extends MessageName> = z.input<(typeof messages)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.infer<(typeof messages)[N]['response']>;

/**
 * Messages the worker sends to content scripts (tabs.sendMessage), the other way round. A content
 * script acts on one only when it comes from this extension's worker (not a tab) and parses.
 */
export const tabMessages = {
  /** The synced directory or organisations changed (a first sync above all): read and match the page again. */
  'tab:data-changed': z.object({ dataVersion: z.number().check(z.int(), z.gte(0)) }),
} as const;
export type TabMessageName = keyof typeof tabMessages;
export type TabMessageOf<N extends TabMessageName> = z.infer<(typeof tabMessages)[N]>;

/** The envelope on the wire; anything else arriving on runtime.onMessage is ignored. */
export const Envelope = z.object({ type: z.string().check(z.maxLength(60)), payload: z.unknown() });

/** Messages a content script may send: it can never make the worker fetch an arbitrary URL. */
export const contentScriptMessages: ReadonlySet<MessageName> = new Set(
  (Object.keys(messages) as MessageName[]).filter((name) => name.startsWith('page:')),
);
