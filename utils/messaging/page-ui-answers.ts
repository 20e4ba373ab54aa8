import * as z from 'zod/mini';
import { RecordId } from '../api/common';
import { Introduction } from '../api/introduction';
import { Meeting } from '../api/meeting';
import { Offer } from '../api/offer';
import { OutboxItemStatus } from '../outbox/status';
import { MatchReason } from './match-answer';

// The worker's answers the in-page UI parses (entrypoints/page-ui: the sidebar's introductions, meetings,
// offers and outbox): bundled and built there, not in the content scripts (issue 11). protocol.ts uses the
// same schemas, so the two cannot drift apart.

export const OfferFit = z.object({ offer: Offer, score: z.number(), reasons: z.array(MatchReason) });
export type OfferFit = z.infer<typeof OfferFit>;

/** A meeting request, proposal, step or suggestion still in the outbox: shown with the meeting (or offer) it is about. */
export const PendingMatchingItem = z.object({
  item: OutboxItemStatus,
  meetingId: z.optional(z.uuid()),
  alumnusId: z.optional(RecordId),
  offerId: z.optional(RecordId),
  step: z.optional(z.enum(['request', 'accept', 'decline', 'propose-times', 'held', 'cancel', 'suggest'])),
});
export type PendingMatchingItem = z.infer<typeof PendingMatchingItem>;

/** The answer to page:load-introductions. */
export const IntroductionsAnswer = z.object({ introductions: z.array(Introduction) });
/** The answer to page:meetings. */
export const MeetingsAnswer = z.object({ meetings: z.array(Meeting), pending: z.array(PendingMatchingItem) });
/** The answer to page:offer-fits. */
export const OfferFitsAnswer = z.object({ fits: z.array(OfferFit) });
/** The answer to page:outbox-status. */
export const OutboxStatusesAnswer = z.array(OutboxItemStatus);
