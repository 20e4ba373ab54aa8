import * as z from 'zod/mini';
import { HttpUrl, IsoDate, RecordId, ShortText, Timestamp } from './common';

export const OfferKind = /* @__PURE__ */ z
  .enum(['project', 'referral', 'partnership', 'rehire', 'speaking', 'event'])
  .register(z.globalRegistry, { id: 'OfferKind' });
export type OfferKind = z.infer<typeof OfferKind>;

/** A collaboration offer the company makes to its alumni. */
export const Offer = /* @__PURE__ */ z
  .object({
    id: RecordId,
    title: ShortText,
    summary: z.string().check(z.trim(), z.maxLength(4000)),
    kind: OfferKind,
    skills: z.array(ShortText).check(z.maxLength(30)),
    organizationId: z.optional(RecordId).check(z.describe('The client or partner organisation it concerns')),
    status: z.enum(['open', 'closed']),
    closesOn: z.optional(IsoDate),
    contact: z.object({ name: ShortText, email: z.optional(z.email()) }),
    url: z.optional(HttpUrl),
    updatedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Offer' });
export type Offer = z.infer<typeof Offer>;

export const OfferInput = /* @__PURE__ */ z
  .extend(z.omit(Offer, { id: true, updatedAt: true }), { status: z._default(Offer.shape.status, 'open') })
  .register(z.globalRegistry, { id: 'OfferInput' });
export type OfferInput = z.input<typeof OfferInput>;

// From Offer, not OfferInput: a default inside .partial() still applies, and a patch without `status` would reopen a closed offer.
export const OfferPatch = /* @__PURE__ */ z
  .partial(z.omit(Offer, { id: true, updatedAt: true }))
  .register(z.globalRegistry, { id: 'OfferPatch' });
export type OfferPatch = z.infer<typeof OfferPatch>;
