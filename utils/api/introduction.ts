import * as z from 'zod/mini';
import { ClientId, HttpUrl, RecordId, ShortText, Timestamp } from './common';

export const IntroductionKind = /* @__PURE__ */ z
  .enum(['referral', 'rehire', 'sales-introduction', 'collaboration', 'other'])
  .register(z.globalRegistry, { id: 'IntroductionKind' });
export type IntroductionKind = z.infer<typeof IntroductionKind>;

/** What staff log; `id` is made by the client and is the idempotency key. */
export const IntroductionInput = /* @__PURE__ */ z
  .object({
    id: ClientId,
    alumnusId: RecordId,
    kind: IntroductionKind,
    note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    context: z.object({ url: z.optional(HttpUrl), site: z.optional(ShortText), organizationId: z.optional(RecordId) }),
    occurredAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'IntroductionInput' });
export type IntroductionInput = z.infer<typeof IntroductionInput>;

export const Introduction = /* @__PURE__ */ z
  .extend(IntroductionInput, {
    loggedBy: ShortText.check(z.describe('Name of the user whose token logged it')),
    receivedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Introduction' });
export type Introduction = z.infer<typeof Introduction>;

export const IntroductionList = /* @__PURE__ */ z
  .object({ introductions: z.array(Introduction) })
  .register(z.globalRegistry, { id: 'IntroductionList' });
export type IntroductionList = z.infer<typeof IntroductionList>;
