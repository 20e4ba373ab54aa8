import { z } from 'zod';
import { ClientId, RecordId, ShortText, Timestamp } from './common';

/** An alumnus answering an offer; `id` is made by the client and is the idempotency key. */
export const InterestInput = z
  .object({ id: ClientId, offerId: RecordId, message: z.string().trim().max(2000).optional() })
  .meta({ id: 'InterestInput' });
export type InterestInput = z.infer<typeof InterestInput>;

export const Interest = InterestInput.extend({
  submittedBy: ShortText.describe('Name of the alumnus whose token sent it'),
  receivedAt: Timestamp,
}).meta({ id: 'Interest' });
export type Interest = z.infer<typeof Interest>;

export const InterestList = z.object({ interests: z.array(Interest) }).meta({ id: 'InterestList' });
export type InterestList = z.infer<typeof InterestList>;
