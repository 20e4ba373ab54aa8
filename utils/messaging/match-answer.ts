import * as z from 'zod/mini';
import { Alumnus } from '../api/alumnus';
import { RecordId } from '../api/common';
import { Offer } from '../api/offer';
import { Organization } from '../api/organization';
import { Confidence } from '../recognition/confidence';
import { Evidence } from '../recognition/verdict';
import { MAX_SPANS_PER_NAME, TextSpan } from './text-span';

// The answer to page:match, in full: what the worker sends and what the in-page UI checks before it draws
// (utils/content/page-ui.tsx). Content scripts do not carry it: they check only the part they read themselves
// (utils/content/match-shell.ts), which keeps the alumnus, offer and organisation schemas out of every
// site's script (issue 11, content-script size and start-up).

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
