import * as z from 'zod/mini';
import {
  HttpUrl,
  IntroductionKind,
  Me,
  MeetingStep,
  Offer,
  ProposedTimes,
  RecordId,
  Role,
  Showcase,
  ShowcaseInput,
} from '../api';
import { OutboxItemStatus } from '../outbox/status';
import { Confidence, Evidence } from '../recognition/verdict';
import { CONFIG_SOURCES } from '../config/source';
import { Diagnostic, LayerCounts, PageSignals } from '../signals/schema';
import { DisplayMode, Lang, Ok, PageSettings } from './page-answers';
import { MatchReason, NameInText, OfferReasons, OrganizationMatch, PageMatchAnswer, PersonMatch } from './match-answer';
import { TextSpan } from './text-span';
import {
  IntroductionsAnswer,
  MeetingsAnswer,
  OfferFit,
  OfferFitsAnswer,
  OutboxStatusesAnswer,
  PendingMatchingItem,
} from './page-ui-answers';

// The one message protocol between the extension's parts. Every request and every response has a
// zod schema, parsed on arrival. Names say the direction: `page:*` messages may come from content
// scripts (untrusted: they run beside host pages), `ui:*` only from the extension's own pages
// (popup, options). The background checks the sender before acting (senderKind in utils/messaging/router.ts).
// What the recognition engine concludes (recognition/verdict.ts) and the outbox's item status
// (outbox/status.ts) are those modules' own; messages carry them, and the UI takes them from here.

export { Confidence, Evidence, OutboxItemStatus };
// The answers content scripts and the in-page UI parse live in their own modules (page-answers.ts,
// match-answer.ts, text-span.ts, page-ui-answers.ts), so that each bundle builds only its own; everything else
// imports them from here.
export { Lang, MatchReason, NameInText, OfferFit, OfferReasons, OrganizationMatch, PageSettings, PendingMatchingItem, PersonMatch, TextSpan };
export { MAX_SPANS_PER_NAME } from './text-span';
export type { EvidenceKind, ListingPage } from '../recognition/verdict';
export type { OutboxState } from '../outbox/status';

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
    response: PageMatchAnswer,
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
    response: IntroductionsAnswer,
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
    response: MeetingsAnswer,
  },
  /** Staff: the open offers that fit an alumnus, with the reasons (matched locally, on synced data). */
  'page:offer-fits': { request: z.object({ alumnusId: RecordId }), response: OfferFitsAnswer },
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
  'page:outbox-status': { request: z.object({ ids: z.array(z.uuid()).check(z.maxLength(100)) }), response: OutboxStatusesAnswer },
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

// The worker → content-script direction and the envelope: their own module, which content scripts import
// without the rest of the protocol.
export { Envelope, tabMessages, type TabMessageName, type TabMessageOf } from './tab-messages';

/** Messages a content script may send: it can never make the worker fetch an arbitrary URL. */
export const contentScriptMessages: ReadonlySet<MessageName> = new Set(
  (Object.keys(messages) as MessageName[]).filter((name) => name.startsWith('page:')),
);
