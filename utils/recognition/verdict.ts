import * as z from 'zod/mini';
import { YearMonth } from '../api/common';

// What the recognition engine concludes about a person: a confidence and the evidence behind it, as facts (a kind and
// its values). The engine returns them, the worker sends them to pages in messages (utils/messaging/protocol.ts),
// and the UI words them in the user's language (utils/i18n/evidence.ts). zod/mini: content scripts parse them.

export { Confidence } from './confidence';

const EvidenceText = z.string().check(z.maxLength(2048));
const EvidenceCount = z.number().check(z.int(), z.gte(2), z.lte(10_000));
const NameValues = z.object({ pageName: EvidenceText, directoryName: EvidenceText, alumnus: EvidenceText });
/** An experience entry's months as the page gives them (`to: null` is "present"), and the tenure on file. */
const ExperienceValues = z.object({
  organization: EvidenceText,
  from: z.optional(YearMonth),
  to: z.optional(z.nullable(YearMonth)),
  tenure: z.array(z.object({ from: YearMonth, to: YearMonth })).check(z.maxLength(50)),
});
/** Where a page lists people as working at its organisation (issue 15): a People tab, a company page's employee list, its own website. */
export const ListingPage = z.enum(['people-tab', 'employees-list', 'website']);
export type ListingPage = z.infer<typeof ListingPage>;
const Listing = z.object({ organization: EvidenceText, page: ListingPage });

/**
 * One piece of evidence behind a match: what kind of fact, and its values. The engine says what it
 * found; the UI words it in the user's language (utils/i18n/evidence.ts).
 */
export const Evidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('profile-url'), values: z.object({ url: EvidenceText, alumnus: EvidenceText }) }),
  z.object({ kind: z.literal('profile-url-differs'), values: z.object({ site: EvidenceText, alumnus: EvidenceText }) }),
  z.object({ kind: z.literal('name-exact'), values: NameValues }),
  z.object({ kind: z.literal('name-former'), values: NameValues }),
  z.object({ kind: z.literal('name-partial'), values: NameValues }),
  z.object({ kind: z.literal('name-nickname'), values: NameValues }),
  z.object({ kind: z.literal('name-typo'), values: NameValues }),
  z.object({ kind: z.literal('experience-overlap'), values: ExperienceValues }),
  z.object({ kind: z.literal('experience-conflict'), values: ExperienceValues }),
  z.object({ kind: z.literal('experience-undated'), values: z.object({ organization: EvidenceText }) }),
  z.object({ kind: z.literal('headline-mention'), values: z.object({ organization: EvidenceText, excerpt: EvidenceText }) }),
  z.object({ kind: z.literal('current-employer'), values: z.object({ organization: EvidenceText }) }),
  /** The page lists them at its organisation, which is the current employer on file. */
  z.object({ kind: z.literal('listed-at-employer'), values: Listing }),
  /** The page lists them at its organisation; the employer on file is another one, or unknown (''). */
  z.object({ kind: z.literal('listed-elsewhere'), values: z.extend(Listing, { employer: EvidenceText }) }),
  /** Several alumni have this full name (in some script or order). */
  z.object({ kind: z.literal('name-shared'), values: z.object({ count: EvidenceCount }) }),
  /** A shortened or approximate name that fits several alumni. */
  z.object({ kind: z.literal('name-fits-several'), values: z.object({ pageName: EvidenceText, count: EvidenceCount }) }),
  z.object({ kind: z.literal('name-common'), values: z.object({ pageName: EvidenceText }) }),
  z.object({ kind: z.literal('name-only'), values: z.object({ company: EvidenceText }) }),
  /** Several people on the page (different profiles) fit this alumnus equally well. */
  z.object({ kind: z.literal('page-namesakes'), values: z.object({ alumnus: EvidenceText, count: EvidenceCount }) }),
]);
export type Evidence = z.infer<typeof Evidence>;
export type EvidenceKind = Evidence['kind'];

