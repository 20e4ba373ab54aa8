import type { Alumnus, Organization } from '../api';
import type { Confidence, Evidence } from '../messaging/protocol';
import type { OrganizationSignal, PersonSignal } from '../signals/schema';

export type { Confidence, Evidence };

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
  upsert(alumnus: Alumnus): void;
  remove(alumnusId: string): void;
  setOrganizations(organizations: Organization[]): void;
  matchPerson(signal: PersonSignal, company: CompanyNames): MatchResult | null;
  matchOrganization(signal: OrganizationSignal): string | null;
  alumniAt(organizationId: string): string[];
  scanText(text: string): ScanHit[];
}
