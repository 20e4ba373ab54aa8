import * as z from 'zod/mini';
import { ClientId, RecordId, ShortText, Timestamp } from './common';

/** An alumnus answering an offer; `id` is made by the client and is the idempotency key. */
export const InterestInput = /* @__PURE__ */ z
  .object({ id: ClientId, offerId: RecordId, message: z.optional(z.string().check(z.trim(), z.maxLength(2000))) })
  .register(z.globalRegistry, { id: 'InterestInput' });
export type InterestInput = z.infer<typeof InterestInput>;

export const Interest = /* @__PURE__ */ z
  .extend(InterestInput, {
    submittedBy: ShortText.check(z.describe('Name of the alumnus whose token sent it')),
    receivedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Interest' });
export type Interest = z.infer<typeof Interest>;

export const InterestList = /* @__PURE__ */ z.object({ interests: z.array(Interest) }).register(z.globalRegistry, { id: 'InterestList' });
export type InterestList = z.infer<typeof InterestList>;
