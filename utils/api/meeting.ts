import * as z from 'zod/mini';
import { ClientId, HttpUrl, RecordId, ShortText, Timestamp } from './common';
import { Phone } from './showcase';

// A 商談: a business meeting between an alumnus and the company's staff, from the first request to its
// outcome. Every step is an event with a client-made UUID (the idempotency key); the server applies it
// through the state machine in utils/meetings/machine.ts and answers 409 with the reason when it does not fit.

export const MeetingSide = /* @__PURE__ */ z.enum(['alumnus', 'staff']).register(z.globalRegistry, { id: 'MeetingSide' });
export type MeetingSide = z.infer<typeof MeetingSide>;
export const MeetingStatus = /* @__PURE__ */ z
  .enum(['requested', 'accepted', 'declined', 'held', 'cancelled'])
  .register(z.globalRegistry, { id: 'MeetingStatus' });
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export const MeetingOutcome = /* @__PURE__ */ z.enum(['deal', 'follow-up', 'no-deal']).register(z.globalRegistry, { id: 'MeetingOutcome' });
export type MeetingOutcome = z.infer<typeof MeetingOutcome>;

/** One to three proposed start times, all different. */
export const ProposedTimes = /* @__PURE__ */ z
  .array(Timestamp)
  .check(
    z.minLength(1),
    z.maxLength(3),
    z.refine((times) => new Set(times.map((time) => Date.parse(time))).size === times.length, 'the proposed times must differ'),
  );

const Text = /* @__PURE__ */ z.optional(z.string().check(z.trim(), z.maxLength(2000)));

/** A new meeting: an alumnus asks about an offer (`offerId` required), or staff propose one to an alumnus (`alumnusId` required). */
export const MeetingInput = /* @__PURE__ */ z
  .object({
    id: ClientId,
    alumnusId: z.optional(RecordId).check(z.describe('Required from staff; an alumnus leaves it out (their token says who they are)')),
    offerId: z.optional(RecordId).check(z.describe('The offer it is about; required from an alumnus')),
    message: Text,
    proposedTimes: ProposedTimes,
  })
  .register(z.globalRegistry, { id: 'MeetingInput' });
export type MeetingInput = z.infer<typeof MeetingInput>;

const steps = {
  accept: { type: z.literal('accept'), time: Timestamp.check(z.describe('One of the proposed times')) },
  decline: { type: z.literal('decline'), reason: Text },
  proposeTimes: { type: z.literal('propose-times'), times: ProposedTimes, message: Text },
  held: { type: z.literal('held'), outcome: MeetingOutcome, note: Text },
  cancel: { type: z.literal('cancel'), reason: Text },
};

/** One step of a meeting, without the client's id: what the state machine reads. */
export const MeetingStep = /* @__PURE__ */ z.discriminatedUnion('type', [
  z.object(steps.accept),
  z.object(steps.decline),
  z.object(steps.proposeTimes),
  z.object(steps.held),
  z.object(steps.cancel),
]);
export type MeetingStep = z.infer<typeof MeetingStep>;
export type MeetingStepType = MeetingStep['type'];

/** A step as sent to POST /meetings/{id}/events: the step plus its client-made id. */
export const MeetingEventInput = /* @__PURE__ */ z
  .discriminatedUnion('type', [
    z.object({ id: ClientId, ...steps.accept }),
    z.object({ id: ClientId, ...steps.decline }),
    z.object({ id: ClientId, ...steps.proposeTimes }),
    z.object({ id: ClientId, ...steps.held }),
    z.object({ id: ClientId, ...steps.cancel }),
  ])
  .register(z.globalRegistry, { id: 'MeetingEventInput' });
export type MeetingEventInput = z.infer<typeof MeetingEventInput>;

/** The contact details one side of an accepted meeting chose to share with the other. */
export const BusinessCard = /* @__PURE__ */ z
  .object({
    name: ShortText,
    organization: z.optional(ShortText),
    email: z.optional(z.email()),
    phone: z.optional(Phone),
    website: z.optional(HttpUrl),
  })
  .register(z.globalRegistry, { id: 'BusinessCard' });
export type BusinessCard = z.infer<typeof BusinessCard>;

/** What happened, oldest first: the request, then each step. */
export const MeetingHistoryEntry = /* @__PURE__ */ z.object({
  id: z.uuid(),
  type: z.enum(['request', 'accept', 'decline', 'propose-times', 'held', 'cancel']),
  side: MeetingSide,
  by: ShortText,
  at: Timestamp,
  times: z.optional(z.array(Timestamp)),
  outcome: z.optional(MeetingOutcome),
  text: z.optional(z.string().check(z.maxLength(2000))).check(z.describe('Message, reason or note')),
});
export type MeetingHistoryEntry = z.infer<typeof MeetingHistoryEntry>;

/** Why the caller sees this meeting (a staff member may be several of these at once). */
export const MeetingPart = /* @__PURE__ */ z.enum(['alumnus', 'creator', 'contact', 'owner', 'admin']);
export type MeetingPart = z.infer<typeof MeetingPart>;

export const Meeting = /* @__PURE__ */ z
  .object({
    id: z.uuid(),
    alumnusId: RecordId,
    alumnusName: ShortText,
    offerId: z.optional(RecordId),
    offerTitle: z.optional(ShortText),
    requestedBy: z.object({ side: MeetingSide, name: ShortText }),
    status: MeetingStatus,
    /** While requested: the side whose answer is awaited (the other side proposed the times). */
    awaiting: z.optional(MeetingSide),
    proposedTimes: z.array(Timestamp),
    scheduledAt: z.optional(Timestamp),
    outcome: z.optional(MeetingOutcome),
    /** Exchanged once the meeting was accepted. */
    cards: z.optional(z.object({ alumnus: BusinessCard, staff: BusinessCard })),
    history: z.array(MeetingHistoryEntry),
    yourPart: z.array(MeetingPart),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Meeting' });
export type Meeting = z.infer<typeof Meeting>;
