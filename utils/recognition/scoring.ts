import type { PersonSignal } from '../signals/schema';
import { currentMonth, formatMonth, monthNumber, rangesOverlap } from './dates';
import { findFormerMention } from './headline';
import { CompanyMatcher, organizationKeys } from './organizations';
import { profileSite } from './profile-url';
import type { Row } from './store';
import type { Confidence, Evidence } from './types';

export type NameQuality = 'exact' | 'former' | 'partial' | 'typo';

/** What a candidate has going for it before the page's other facts are weighed. */
export interface Candidate {
  slot: number;
  urlMatch: boolean;
  quality: NameQuality | null;
  /** The directory name that matched (for the evidence sentence). */
  matchedName: string;
}

const MAX_EXPERIENCE = 200;

/** Facts read once from a person signal, shared by every candidate. */
export interface PageFacts {
  pageName: string;
  pageUrl: string | null;
  /** Experience entries naming our company: [from, to] months when dated. */
  ourEntries: Array<{ organization: string; range: [number, number] | null; pageDates: string }>;
  headlineExcerpt: string | null;
  currentOrganizationKeys: Set<string>;
  companyName: string;
}

export function readPage(signal: PersonSignal, company: CompanyMatcher, companyName: string, pageUrl: string | null): PageFacts {
  const now = currentMonth();
  const ourEntries: PageFacts['ourEntries'] = [];
  const currentOrganizationKeys = new Set<string>(organizationKeys(signal.currentOrganization));
  const experience = Array.isArray(signal.experience) ? signal.experience.slice(0, MAX_EXPERIENCE) : [];
  for (const entry of experience) {
    if (!entry || typeof entry.organization !== 'string') continue;
    if (entry.to === null) for (const key of organizationKeys(entry.organization)) currentOrganizationKeys.add(key);
    if (!company.names(entry.organization)) continue;
    const from = monthNumber(entry.from);
    const to = entry.to === null ? now : monthNumber(entry.to);
    const range: [number, number] | null = from !== null || to !== null ? [from ?? to!, to ?? from!] : null;
    const pageDates = range ? `${entry.from ?? '?'} – ${entry.to === null ? 'present' : (entry.to ?? '?')}` : '';
    ourEntries.push({ organization: entry.organization.slice(0, 120), range, pageDates });
  }
  return {
    pageName: String(signal.name ?? '').slice(0, 120),
    pageUrl,
    ourEntries,
    headlineExcerpt: findFormerMention(signal.headline, company),
    currentOrganizationKeys,
    companyName,
  };
}

const RANK: Record<Confidence, number> = { possible: 1, likely: 2, confirmed: 3 };
const LEVELS: Confidence[] = ['possible', 'possible', 'likely', 'confirmed'];
const QUALITY_RANK: Record<NameQuality, number> = { exact: 4, former: 3, partial: 2, typo: 1 };

export interface Judgement {
  candidate: Candidate;
  confidence: Confidence;
  evidence: Evidence[];
  /** Tie-break among candidates of the same confidence. */
  strength: number;
  /** Evidence that singles this alumnus out among others of the same name (dates, URL, current employer). */
  distinctive: boolean;
}

function describeRange(range: [number, number] | null): string {
  return range ? `${formatMonth(range[0])} – ${formatMonth(range[1])}` : '';
}

function tenureText(row: Row): string {
  return row.tenure.map((t) => describeRange(t)).join(', ');
}

/** Weighs one candidate against the page, per the rules in issue 3 (see utils/recognition/README.md). */
export function judge(candidate: Candidate, row: Row, page: PageFacts, employerKeys: (row: Row) => Set<string>): Judgement {
  const evidence: Evidence[] = [];
  const alumnus = row.display;
  let level = 1;
  let distinctive = false;
  if (candidate.urlMatch) {
    evidence.push({ code: 'profile-url', params: { url: page.pageUrl ?? '', alumnus } });
    level = 3;
    distinctive = true;
  }
  const q = candidate.quality;
  if (q) {
    const code = q === 'exact' ? 'name-exact' : `name-${q}`;
    evidence.push({ code, params: { pageName: page.pageName, directoryName: candidate.matchedName, alumnus } });
  }
  let overlap = false;
  let undated = false;
  let conflict: { organization: string; pageDates: string } | null = null;
  for (const entry of page.ourEntries) {
    if (!entry.range || row.tenure.length === 0) {
      if (!undated) evidence.push({ code: 'experience-undated', params: { organization: entry.organization } });
      undated = true;
    } else if (row.tenure.some((t) => rangesOverlap(entry.range!, t))) {
      if (!overlap)
        evidence.push({
          code: 'experience-overlap',
          params: { organization: entry.organization, pageDates: entry.pageDates, tenure: tenureText(row) },
        });
      overlap = true;
    } else conflict ??= { organization: entry.organization, pageDates: entry.pageDates };
  }
  if (page.headlineExcerpt) evidence.push({ code: 'headline-mention', params: { organization: page.companyName, excerpt: page.headlineExcerpt } });
  const keys = employerKeys(row);
  const currentEmployer = keys.size > 0 && [...page.currentOrganizationKeys].some((k) => keys.has(k));
  if (currentEmployer) evidence.push({ code: 'current-employer', params: { organization: row.employer } });

  if (!candidate.urlMatch && q) {
    const strongName = q !== 'typo';
    if (overlap) level = strongName ? 3 : 2;
    else if (undated || page.headlineExcerpt) level = 2;
    else if (currentEmployer && !row.common) level = 2;
    // Dated experience at our company that misses every tenure on file: someone else, or a
    // directory error. Either way it is not a confident match.
    if (conflict && !overlap) {
      level = 1;
      evidence.push({
        code: 'experience-conflict',
        params: { organization: conflict.organization, pageDates: conflict.pageDates, tenure: tenureText(row) },
      });
    }
    distinctive = overlap || currentEmployer;
  }
  if (page.pageUrl && !candidate.urlMatch) {
    const site = profileSite(page.pageUrl);
    if (row.urls.some((url) => profileSite(url) === site)) {
      level = Math.max(1, level - 1);
      evidence.push({ code: 'profile-url-differs', params: { site, alumnus } });
    }
  }
  if (level === 1 && q && row.common) evidence.push({ code: 'name-common', params: { pageName: page.pageName } });
  if (level === 1 && !page.ourEntries.length && !page.headlineExcerpt && !candidate.urlMatch)
    evidence.push({ code: 'name-only', params: {} });
  const strength =
    level * 100 + (candidate.urlMatch ? 50 : 0) + (overlap ? 20 : 0) + (currentEmployer ? 10 : 0) + (q ? QUALITY_RANK[q] : 0);
  return { candidate, confidence: LEVELS[level], evidence, strength, distinctive };
}

/**
 * The best candidate, or null. When several alumni answer equally well and nothing on the page
 * tells them apart, the name is ambiguous: the result stays "possible" and says so.
 */
export function pickBest(judgements: Judgement[]): Judgement | null {
  if (judgements.length === 0) return null;
  judgements.sort((a, b) => b.strength - a.strength);
  const best = judgements[0];
  const rivals = judgements.filter((j) => j !== best && j.candidate.quality !== null && RANK[j.confidence] === RANK[best.confidence]);
  const sameName = judgements.filter((j) => j.candidate.quality !== null && j.candidate.quality !== 'typo').length;
  if (rivals.length > 0 && !best.candidate.urlMatch && RANK[best.confidence] > 1 && !(best.distinctive && best.strength > rivals[0].strength)) {
    best.confidence = 'possible';
    best.evidence.push({ code: 'name-shared', params: { count: String(rivals.length + 1) } });
  } else if (best.confidence === 'possible' && sameName > 1) {
    best.evidence.push({ code: 'name-shared', params: { count: String(sameName) } });
  }
  return best;
}
