import * as z from 'zod/mini';
import { YearMonth } from '../api/common';

// What a site adapter reads off a page, and what the recognition engine (and `npm run match`) reads.
// Page text is hostile input: every string is bounded here, at the boundary.

/** The longest piece of page text a signal holds. */
export const MAX_PAGE_TEXT = 2000;
/** The most people one page's signals hold. */
export const MAX_PAGE_PEOPLE = 500;

const PageText = z.string().check(z.maxLength(MAX_PAGE_TEXT));

export const ExperienceSignal = z.object({
  organization: PageText.check(z.minLength(1)),
  title: z.optional(PageText),
  from: z.optional(YearMonth),
  /** null: still there ("Present", "現在"); absent: the page gives no end. */
  to: z.optional(z.nullable(YearMonth)),
});
export type ExperienceSignal = z.infer<typeof ExperienceSignal>;

export const PersonSignal = z.object({
  name: PageText.check(z.minLength(1)),
  altNames: z.optional(z.array(PageText).check(z.maxLength(20))),
  headline: z.optional(PageText),
  profileUrl: z.optional(z.string().check(z.maxLength(2048))),
  currentOrganization: z.optional(PageText),
  experience: z.optional(z.array(ExperienceSignal).check(z.maxLength(200))),
});
export type PersonSignal = z.infer<typeof PersonSignal>;

export const OrganizationSignal = z.object({
  name: PageText.check(z.minLength(1)),
  url: z.optional(z.string().check(z.maxLength(2048))),
  domain: z.optional(z.string().check(z.maxLength(253))),
});
export type OrganizationSignal = z.infer<typeof OrganizationSignal>;

export const PageKind = z.enum([
  'profile',
  'profile-details',
  'company',
  'company-people',
  'search-people',
  'connections',
  'org-website',
  'demo',
]);
export type PageKind = z.infer<typeof PageKind>;

export const PageSignals = z.object({
  site: z.string().check(z.maxLength(50)),
  pageKind: PageKind,
  people: z.array(PersonSignal).check(z.maxLength(MAX_PAGE_PEOPLE)),
  organizations: z.array(OrganizationSignal).check(z.maxLength(100)),
});
export type PageSignals = z.infer<typeof PageSignals>;

const Count = z.number().check(z.int(), z.gte(0), z.lte(1_000_000));

/** What each reading layer found on a page that yielded nobody: counts and reasons only, never page text. */
export const LayerCounts = z.object({
  structured: Count,
  anchors: Count,
  memberLinks: z.optional(Count),
  /** Names the name guard refused, by reason (presence, placeholder, degree, badge…). */
  rejected: z.record(z.string().check(z.maxLength(30)), Count).check(z.refine((record) => Object.keys(record).length <= 20, 'too many reasons')),
});
export type LayerCounts = z.infer<typeof LayerCounts>;

/** Returned instead of signals when a page's layout is not recognised; counted for the options page. */
export const Diagnostic = z.object({
  adapter: z.string().check(z.maxLength(50)),
  pageKind: z.optional(z.string().check(z.maxLength(50))),
  missing: z.string().check(z.maxLength(300)),
  url: z.optional(z.string().check(z.maxLength(2048))),
  layers: z.optional(LayerCounts),
});
export type Diagnostic = z.infer<typeof Diagnostic>;
