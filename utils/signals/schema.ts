import { z } from 'zod';
import { YearMonth } from '../api/common';

// What a site adapter reads off a page, and what the recognition engine (and `npm run match`) reads.
// Page text is hostile input: every string is bounded here, at the boundary.

const PageText = z.string().max(2000);

export const ExperienceSignal = z.object({
  organization: PageText.min(1),
  title: PageText.optional(),
  from: YearMonth.optional(),
  /** null: still there ("Present", "現在"); absent: the page gives no end. */
  to: YearMonth.nullable().optional(),
});
export type ExperienceSignal = z.infer<typeof ExperienceSignal>;

export const PersonSignal = z.object({
  name: PageText.min(1),
  altNames: z.array(PageText).max(20).optional(),
  headline: PageText.optional(),
  profileUrl: z.string().max(2048).optional(),
  currentOrganization: PageText.optional(),
  experience: z.array(ExperienceSignal).max(200).optional(),
});
export type PersonSignal = z.infer<typeof PersonSignal>;

export const OrganizationSignal = z.object({
  name: PageText.min(1),
  url: z.string().max(2048).optional(),
  domain: z.string().max(253).optional(),
});
export type OrganizationSignal = z.infer<typeof OrganizationSignal>;

export const PageKind = z.enum([
  'profile',
  'profile-details',
  'company',
  'company-people',
  'search-people',
  'org-website',
  'demo',
]);
export type PageKind = z.infer<typeof PageKind>;

export const PageSignals = z.object({
  site: z.string().max(50),
  pageKind: PageKind,
  people: z.array(PersonSignal).max(500),
  organizations: z.array(OrganizationSignal).max(100),
});
export type PageSignals = z.infer<typeof PageSignals>;

/** Returned instead of signals when a page's layout is not recognised; counted for the options page. */
export const Diagnostic = z.object({
  adapter: z.string().max(50),
  pageKind: z.string().max(50).optional(),
  missing: z.string().max(300),
  url: z.string().max(2048).optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;
