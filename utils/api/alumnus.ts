import { z } from 'zod';
import { HttpUrl, RecordId, ShortText, Timestamp, YearMonth } from './common';

export const Tenure = z
  .object({ from: YearMonth, to: YearMonth, department: ShortText.optional() })
  .refine((t) => t.from <= t.to, { message: 'tenure ends before it starts', path: ['to'] })
  .meta({ id: 'Tenure' });

/** One former employee as the directory knows them. Field names are fixed: other tools read exports in this shape. */
export const Alumnus = z
  .object({
    id: RecordId,
    names: z.object({
      display: ShortText.describe('The HR name, often kanji: 山田 太郎'),
      kana: ShortText.optional().describe('Reading: やまだ たろう'),
      latin: ShortText.optional().describe('Latin spelling: Taro Yamada'),
      former: z.array(ShortText).max(20).optional().describe('Earlier names, e.g. before marriage'),
    }),
    profileUrls: z.array(HttpUrl).max(20).optional(),
    tenure: z.array(Tenure).max(50),
    currentEmployer: z.object({ name: ShortText, organizationId: RecordId.optional() }).optional(),
    currentTitle: ShortText.optional(),
    consent: z.object({ recognition: z.boolean(), offers: z.boolean() }),
    rehireEligible: z.boolean().optional().describe('Served to recruiters and admins only'),
    relationshipOwner: z.object({ name: ShortText, email: z.email().optional() }).optional(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'Alumnus' });
export type Alumnus = z.infer<typeof Alumnus>;
