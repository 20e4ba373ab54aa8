import * as z from 'zod/mini';
import { HttpUrl, RecordId, ShortText, Timestamp, YearMonth } from './common';
import { Showcase } from './showcase';

export const Tenure = /* @__PURE__ */ z
  .object({ from: YearMonth, to: YearMonth, department: z.optional(ShortText) })
  .check(z.refine((t) => t.from <= t.to, { message: 'tenure ends before it starts', path: ['to'] }))
  .register(z.globalRegistry, { id: 'Tenure' });

/** One former employee as the directory knows them. Field names are fixed: other tools read exports in this shape. */
export const Alumnus = /* @__PURE__ */ z
  .object({
    id: RecordId,
    names: z.object({
      display: ShortText.check(z.describe('The HR name, often kanji: 山田 太郎')),
      kana: z.optional(ShortText).check(z.describe('Reading: やまだ たろう')),
      latin: z.optional(ShortText).check(z.describe('Latin spelling: Taro Yamada')),
      former: z.optional(z.array(ShortText).check(z.maxLength(20))).check(z.describe('Earlier names, e.g. before marriage')),
    }),
    profileUrls: z.optional(z.array(HttpUrl).check(z.maxLength(20))),
    tenure: z.array(Tenure).check(z.maxLength(50)),
    currentEmployer: z.optional(z.object({ name: ShortText, organizationId: z.optional(RecordId) })),
    currentTitle: z.optional(ShortText),
    consent: z.object({ recognition: z.boolean(), offers: z.boolean() }),
    rehireEligible: z.optional(z.boolean()).check(z.describe('Served to recruiters and admins only')),
    relationshipOwner: z.optional(z.object({ name: ShortText, email: z.optional(z.email()) })),
    showcase: z.optional(Showcase).check(z.describe('Served to staff while the alumnus has it published')),
    updatedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Alumnus' });
export type Alumnus = z.infer<typeof Alumnus>;
