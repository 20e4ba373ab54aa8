import * as z from 'zod/mini';
import { Alumnus } from '../api/alumnus';
import { RecordId, Role } from '../api/common';
import { Offer } from '../api/offer';
import { Organization } from '../api/organization';
import { DISPLAY_MODES } from '../config/display-mode';
import { Confidence, Evidence } from '../recognition/verdict';

// The worker's answers a content script parses (page:get-settings, page:match, and the bare Ok), apart from
// the rest of the protocol (protocol.ts) because every content script bundles and builds what it imports:
// only these, not every message's schemas (issue 11, content-script size and document idle → sidebar).
// Imports name the api modules one by one: utils/api/index.ts would bring every module's top-level schemas.

export const Lang = z.enum(['en', 'ja']);
export type Lang = z.infer<typeof Lang>;

export const DisplayMode = z.enum(DISPLAY_MODES);

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

/** Why an offer fits a person (utils/matching/rank.ts); `code` picks the sentence, `params` fill it. */
export const MatchReason = z.object({
  code: z.enum(['skills', 'mentions', 'employer', 'suggested']),
  params: z.record(z.string(), z.string().check(z.maxLength(500))),
});
export type MatchReason = z.infer<typeof MatchReason>;

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

/** The answer to page:match. */
export const PageMatchAnswer = z.object({
  people: z.array(PersonMatch),
  organizations: z.array(OrganizationMatch),
  /** The alumni named in `text` whom the matcher vouches for (absent without a text). */
  named: z.optional(z.array(NameInText).check(z.maxLength(500))),
});

export const Ok = z.object({ ok: z.literal(true) });

