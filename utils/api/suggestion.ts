import * as z from 'zod/mini';
import { ClientId, RecordId, ShortText, Timestamp } from './common';

/** A staff member pointing an alumnus to an open offer; `id` is made by the client and is the idempotency key. */
export const SuggestionInput = /* @__PURE__ */ z
  .object({
    id: ClientId,
    alumnusId: RecordId,
    offerId: RecordId,
    note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  })
  .register(z.globalRegistry, { id: 'SuggestionInput' });
export type SuggestionInput = z.infer<typeof SuggestionInput>;

export const Suggestion = /* @__PURE__ */ z
  .extend(SuggestionInput, {
    suggestedBy: ShortText.check(z.describe('Name of the staff member whose token sent it')),
    suggestedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Suggestion' });
export type Suggestion = z.infer<typeof Suggestion>;
