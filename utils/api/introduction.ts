import { z } from 'zod';
import { ClientId, HttpUrl, RecordId, ShortText, Timestamp } from './common';

export const IntroductionKind = z
  .enum(['referral', 'rehire', 'sales-introduction', 'collaboration', 'other'])
  .meta({ id: 'IntroductionKind' });
export type IntroductionKind = z.infer<typeof IntroductionKind>;

/** What staff log; `id` is made by the client and is the idempotency key. */
export const IntroductionInput = z
  .object({
    id: ClientId,
    alumnusId: RecordId,
    kind: IntroductionKind,
    note: z.string().trim().max(2000).optional(),
    context: z.object({ url: HttpUrl.optional(), site: ShortText.optional(), organizationId: RecordId.optional() }),
    occurredAt: Timestamp,
  })
  .meta({ id: 'IntroductionInput' });
export type IntroductionInput = z.infer<typeof IntroductionInput>;

export const Introduction = IntroductionInput.extend({
  loggedBy: ShortText.describe('Name of the user whose token logged it'),
  receivedAt: Timestamp,
}).meta({ id: 'Introduction' });
export type Introduction = z.infer<typeof Introduction>;

export const IntroductionList = z.object({ introductions: z.array(Introduction) }).meta({ id: 'IntroductionList' });
export type IntroductionList = z.infer<typeof IntroductionList>;
