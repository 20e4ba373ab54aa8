import type { Alumnus, Organization } from '../api';
import type { Confidence, Evidence, ListingPage } from './verdict';
import type { OrganizationSignal, PageSignals, PersonSignal } from '../signals/schema';

export type { Confidence, Evidence, ListingPage };

/** Our own company's names, as GET /me gives them (or the CLI's --company options). */
export interface CompanyNames {
  name: string;
  aliases: string[];
}

export interface MatchResult {
  alumnusId: string;
  confidence: Confidence;
  /** Why, in order of strength; utils/i18n/evidence.ts words each one. */
  evidence: Evidence[];
}

/** What the page around a person says about them: listed by an organisation as one of its people. */
export interface PersonContext {
  listedAt?: { organization: OrganizationSignal; page: ListingPage };
}

/** A match with what page-level consistency weighs it by (see page.ts). */
export interface RankedMatch {
  result: MatchResult;
  /** The alumnus's directory name, for evidence about the page. */
  display: string;
  /** Tie-break among matches of the same confidence: the strength of the evidence. */
  strength: number;
  /** The alumni the page could not tell this person apart from (the match included); one when it could. */
  namesakes: string[];
}

/** How a person appears on the page (see utils/sites/types.ts `PersonRole`). */
export type PageRole = 'subject' | 'listed' | 'related';

/** One person of a page's signals, after page context and page-level consistency. */
export interface PagePersonMatch extends MatchResult {
  /** Index into the page's `people`. */
  ref: number;
  role: PageRole;
}

/** A full alumnus name found in page text: [start, end) are UTF-16 offsets into the text given. */
export interface ScanHit {
  start: number;
  end: number;
  alumnusId: string;
}

/** The in-memory directory index the background worker keeps; see utils/recognition/index.ts. */
export interface RecognitionIndex {
  /** Number of alumni the index knows. */
  readonly size: number;
  serialize(): string;
  /** Whether it recognises this alumnus (a received index is checked against the records it came with). */
  has(alumnusId: string): boolean;
  upsert(alumnus: Alumnus): void;
  remove(alumnusId: string): void;
  setOrganizations(organizations: Organization[]): void;
  /** One person on their own (the page around them adds `context`). */
  matchPerson(signal: PersonSignal, company: CompanyNames, context?: PersonContext): MatchResult | null;
  /** Everyone on one page, as the extension shows them: page context as evidence, one alumnus one person. */
  matchPage(signals: PageSignals, company: CompanyNames): PagePersonMatch[];
  matchOrganization(signal: OrganizationSignal): string | null;
  alumniAt(organizationId: string): string[];
  scanText(text: string): ScanHit[];
}
