import { z } from 'zod';
import { HttpUrl, IsoDate, RecordId, ShortText, Timestamp } from './common';

export const OfferKind = z.enum(['project', 'referral', 'partnership', 'rehire', 'speaking', 'event']).meta({ id: 'OfferKind' });
export type OfferKind = z.infer<typeof OfferKind>;

/** A collaboration offer the company makes to its alumni. */
export const Offer = z
  .object({
    id: RecordId,
    title: ShortText,
    summary: z.string().trim().max(4000),
    kind: OfferKind,
    skills: z.array(ShortText).max(30),
    organizationId: RecordId.optional().describe('The client or partner organisation it concerns'),
    status: z.enum(['open', 'closed']),
    closesOn: IsoDate.optional(),
    contact: z.object({ name: ShortText, email: z.email().optional() }),
    url: HttpUrl.optional(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'Offer' });
export type Offer = z.infer<typeof Offer>;

export const OfferInput = Offer.omit({ id: true, updatedAt: true })
  .extend({ status: Offer.shape.status.default('open') })
  .meta({ id: 'OfferInput' });
export type OfferInput = z.input<typeof OfferInput>;

// From Offer, not OfferInput: a default inside .partial() still applies, and a patch without `status` would reopen a closed offer.
export const OfferPatch = Offer.omit({ id: true, updatedAt: true }).partial().meta({ id: 'OfferPatch' });
export type OfferPatch = z.infer<typeof OfferPatch>;
