import type { PersonSignal } from '../signals/schema';
import { currentMonth, formatMonth, monthNumber, rangesOverlap } from './dates';
import { findFormerMention } from './headline';
import { CompanyMatcher, organizationKeys } from './organizations';
import { profileSite } from './profile-url';
import type { Row } from './store';
import type { Confidence, Evidence, ListingPage } from './types';

export type NameQuality = 'exact' | 'former' | 'partial' | 'nickname' | 'typo';

/** What a candidate has going for it before the page's other facts are weighed. */
export interface Candidate {
  slot: number;
  urlMatch: boolean;
  quality: NameQuality | null;
  /** The directory name that matched (for the evidence sentence). */
  matchedName: string;
}

const MAX_EXPERIENCE = 200;

/** An experience entry at our company, with the months as the page gives them (`to: null`: present). */
export interface OurEntry {
  organization: string;
  range: [number, number] | null;
  from?: string;
  to?: string | null;
}

/** The page lists the person as one of an organisation's people (a People tab, its own website). */
export interface ListedAt {
  organization: string;
  page: ListingPage;
  /** The organisation's record in the directory's organisations, when the page's organisation is one. */
  organizationId: string | null;
  /** Its names: as the page gives it, plus the record's name and aliases. */
  keys: ReadonlySet<string>;
}

/** Facts read once from a person signal, shared by every candidate. */
export interface PageFacts {
  pageName: string;
  pageUrl: string | null;
  /** Experience entries naming our company: [from, to] months when dated. */
  ourEntries: OurEntry[];
  headlineExcerpt: string | null;
  currentOrganizationKeys: Set<string>;
  listedAt: ListedAt | null;
  companyName: string;
}

export function readPage(
  signal: PersonSignal,
  company: CompanyMatcher,
  companyName: string,
  pageUrl: string | null,
  listedAt: ListedAt | null = null,
): PageFacts {
  const now = currentMonth();
  const ourEntries: PageFacts['ourEntries'] = [];
  const currentOrganizationKeys = new Set<string>(organizationKeys(signal.currentOrganization));
  const experience = Array.isArray(signal.experience) ? signal.experience.slice(0, MAX_EXPERIENCE) : [];
  for (const entry of experience) {
    if (!entry || typeof entry.organization !== 'string') continue;
    if (entry.to === null) for (const key of organizationKeys(entry.organization)) currentOrganizationKeys.add(key);
    if (!company.names(entry.organization)) continue;
    const from = monthNumber(entry.from);
    // "Present" only dates an entry that has a start; a lone end date dates it at that month.
    const to = entry.to === null ? (from !== null ? now : null) : monthNumber(entry.to);
    const range: [number, number] | null = from !== null || to !== null ? [from ?? to!, to ?? from!] : null;
    ourEntries.push({
      organization: entry.organization.slice(0, 120),
      range,
      ...(from !== null ? { from: entry.from } : {}),
      ...(entry.to === null && from !== null ? { to: null } : monthNumber(entry.to) !== null ? { to: entry.to } : {}),
    });
  }
  return {
    pageName: String(signal.name ?? '').slice(0, 120),
    pageUrl,
    ourEntries,
    headlineExcerpt: findFormerMention(signal.headline, company),
    currentOrganizationKeys,
    listedAt,
    companyName,
  };
}

const LEVELS: Confidence[] = ['possible', 'possible', 'likely', 'confirmed'];
export const QUALITY_RANK: Record<NameQuality, number> = { exact: 5, former: 4, partial: 3, nickname: 2, typo: 1 };
/** Name matches strong enough for "confirmed" together with overlapping dates. */
const STRONG_NAMES: ReadonlySet<NameQuality> = new Set(['exact', 'former', 'partial']);
/**
 * Namesakes are counted within one kind of name match: alumni who have the page's full name (current or
 * former, in any script or order) share it; a shortened or approximate name that fits several is
 * ambiguous in its own way, and never makes an exact full-name match ambiguous.
 */
const NAME_CLASS: Record<NameQuality, 'full' | 'partial' | 'nickname' | 'typo'> = {
  exact: 'full',
  former: 'full',
  partial: 'partial',
  nickname: 'nickname',
  typo: 'typo',
};
const nameClass = (j: Judgement) => (j.candidate.quality ? NAME_CLASS[j.candidate.quality] : null);
const RANK: Record<Confidence, number> = { possible: 1, likely: 2, confirmed: 3 };

/** The numbers behind a candidate's confidence; cheap, so every namesake can be weighed. */
export interface Judgement {
  candidate: Candidate;
  confidence: Confidence;
  /** Tie-break among candidates of the same confidence. */
  strength: number;
  /** Evidence that singles this alumnus out among others of the same name (dates, URL, current employer). */
  distinctive: boolean;
  overlap: OurEntry | null;
  undated: string | null;
  conflict: OurEntry | null;
  currentEmployer: boolean;
  /** The page lists them at its organisation, which is the current employer on file. */
  listedAtEmployer: boolean;
  otherProfileSite: string | null;
  /** Set by pickBest when namesakes answer as well: how many, and who (this one included). */
  sharedWith: number;
  namesakes: Judgement[];
}

function tenureOnFile(row: Row): Array<{ from: string; to: string }> {
  return row.tenure.map(([from, to]) => ({ from: formatMonth(from), to: formatMonth(to) }));
}

function experienceValues(entry: OurEntry, row: Row) {
  const { organization, from, to } = entry;
  return { organization, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), tenure: tenureOnFile(row) };
}

/** Weighs one candidate against the page, per the rules in issue 3. */
export function judge(candidate: Candidate, row: Row, page: PageFacts, employerKeys: (row: Row) => ReadonlySet<string>): Judgement {
  let level = 1;
  let distinctive = candidate.urlMatch;
  let overlap: Judgement['overlap'] = null;
  let undated: string | null = null;
  let conflict: Judgement['conflict'] = null;
  for (const entry of page.ourEntries) {
    if (!entry.range || row.tenure.length === 0) undated ??= entry.organization;
    else if (row.tenure.some((t) => rangesOverlap(entry.range!, t))) overlap ??= entry;
    else conflict ??= entry;
  }
  let currentEmployer = false;
  if (page.currentOrganizationKeys.size > 0) {
    const keys = employerKeys(row);
    for (const key of page.currentOrganizationKeys) if (keys.has(key)) currentEmployer = true;
  }
  let listedAtEmployer = false;
  if (page.listedAt && (row.employer || row.employerOrgId)) {
    const { organizationId, keys } = page.listedAt;
    listedAtEmployer = organizationId !== null && row.employerOrgId === organizationId;
    for (const key of employerKeys(row)) if (keys.has(key)) listedAtEmployer = true;
  }
  const employerNow = currentEmployer || listedAtEmployer;
  const q = candidate.quality;
  if (candidate.urlMatch) level = 3;
  else if (q) {
    if (overlap) level = STRONG_NAMES.has(q) ? 3 : 2;
    else if (undated || page.headlineExcerpt) level = 2;
    else if (employerNow && !row.common) level = 2;
    // Dated experience at our company that misses every tenure on file: someone else, or a
    // directory error. Either way it is not a confident match.
    if (conflict && !overlap) level = 1;
    distinctive = !!overlap || employerNow;
  }
  let otherProfileSite: string | null = null;
  if (page.pageUrl && !candidate.urlMatch) {
    const site = profileSite(page.pageUrl);
    if (row.urls.some((url) => profileSite(url) === site)) {
      level = Math.max(1, level - 1);
      otherProfileSite = site;
    }
  }
  const strength = level * 100 + (candidate.urlMatch ? 50 : 0) + (overlap ? 20 : 0) + (employerNow ? 10 : 0) + (q ? QUALITY_RANK[q] : 0);
  return {
    candidate,
    confidence: LEVELS[level],
    strength,
    distinctive,
    overlap,
    undated,
    conflict,
    currentEmployer,
    listedAtEmployer,
    otherProfileSite,
    sharedWith: 0,
    namesakes: [],
  };
}

/** What the judgement rests on, strongest first, as structured evidence (worded by utils/i18n/evidence.ts). */
export function explain(j: Judgement, row: Row, page: PageFacts): Evidence[] {
  const evidence: Evidence[] = [];
  const alumnus = row.display;
  const { candidate } = j;
  if (candidate.urlMatch) evidence.push({ kind: 'profile-url', values: { url: page.pageUrl ?? '', alumnus } });
  const q = candidate.quality;
  if (q) evidence.push({ kind: `name-${q}`, values: { pageName: page.pageName, directoryName: candidate.matchedName, alumnus } });
  if (j.overlap) evidence.push({ kind: 'experience-overlap', values: experienceValues(j.overlap, row) });
  if (j.undated) evidence.push({ kind: 'experience-undated', values: { organization: j.undated } });
  if (page.headlineExcerpt) evidence.push({ kind: 'headline-mention', values: { organization: page.companyName, excerpt: page.headlineExcerpt } });
  if (j.currentEmployer) evidence.push({ kind: 'current-employer', values: { organization: row.employer } });
  const { listedAt } = page;
  if (listedAt && j.listedAtEmployer && !j.currentEmployer)
    evidence.push({ kind: 'listed-at-employer', values: { organization: listedAt.organization, page: listedAt.page } });
  else if (listedAt && !j.listedAtEmployer)
    evidence.push({ kind: 'listed-elsewhere', values: { organization: listedAt.organization, page: listedAt.page, employer: row.employer } });
  if (j.conflict && !j.overlap && !candidate.urlMatch) evidence.push({ kind: 'experience-conflict', values: experienceValues(j.conflict, row) });
  if (j.otherProfileSite) evidence.push({ kind: 'profile-url-differs', values: { site: j.otherProfileSite, alumnus } });
  if (j.sharedWith > 1)
    evidence.push(
      nameClass(j) === 'full'
        ? { kind: 'name-shared', values: { count: j.sharedWith } }
        : { kind: 'name-fits-several', values: { pageName: page.pageName, count: j.sharedWith } },
    );
  if (j.confidence === 'possible' && q && row.common) evidence.push({ kind: 'name-common', values: { pageName: page.pageName } });
  if (j.confidence === 'possible' && !page.ourEntries.length && !page.headlineExcerpt && !candidate.urlMatch)
    evidence.push({ kind: 'name-only', values: { company: page.companyName } });
  return evidence;
}

/**
 * The best candidate, or null. When several alumni answer equally well and nothing on the page
 * tells them apart, the name is ambiguous: the result stays "possible" and says so.
 */
export function pickBest(judgements: Judgement[]): Judgement | null {
  if (judgements.length === 0) return null;
  let best = judgements[0];
  for (const j of judgements) if (j.strength > best.strength) best = j;
  const bestClass = nameClass(best);
  const rivals: Judgement[] = [];
  const sameName: Judgement[] = [];
  let topRival = 0;
  for (const j of judgements) {
    if (bestClass === null || nameClass(j) !== bestClass) continue;
    sameName.push(j);
    if (j === best || RANK[j.confidence] !== RANK[best.confidence]) continue;
    rivals.push(j);
    topRival = Math.max(topRival, j.strength);
  }
  if (rivals.length > 0 && !best.candidate.urlMatch && RANK[best.confidence] > 1 && !(best.distinctive && best.strength > topRival)) {
    best.confidence = 'possible';
    best.namesakes = [best, ...rivals];
  } else if (best.confidence === 'possible' && sameName.length > 1) best.namesakes = sameName;
  else best.namesakes = [best];
  best.sharedWith = best.namesakes.length > 1 ? best.namesakes.length : 0;
  return best;
}
