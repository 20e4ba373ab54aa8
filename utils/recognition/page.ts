import type { OrganizationSignal, PageKind, PageSignals, PersonSignal } from '../signals/schema';
import { canonicalProfileUrl } from './profile-url';
import type { ListingPage, PagePersonMatch, PageRole, PersonContext, RankedMatch } from './types';

// A page read as a whole (issue 15): what the page says around its people counts as evidence, and one
// alumnus is at most one person on the page. The worker and `npm run match -- --page` both come here,
// through RecognitionIndex.matchPage.

/** Pages that list people as an organisation's own: its People tab, its company page's employees, its website. */
const LISTINGS: Partial<Record<PageKind, ListingPage>> = {
  'company-people': 'people-tab',
  company: 'employees-list',
  'org-website': 'website',
};

const PROFILE_KINDS: ReadonlySet<PageKind> = new Set(['profile', 'profile-details']);

/**
 * How each person appears, by the adapters' rule (utils/sites/types.ts): on a profile the first person is
 * its subject and the others are side rails; everywhere else people are listed. Names found in an
 * organisation website's text come after the page's own people and are listed too.
 */
export function pageRoles(signals: Pick<PageSignals, 'pageKind' | 'people'>): PageRole[] {
  const profile = PROFILE_KINDS.has(signals.pageKind);
  return signals.people.map((_, ref) => (profile ? (ref === 0 ? 'subject' : 'related') : 'listed'));
}

/** The organisation whose people the page lists (on a company or organisation page: the page's organisation), or null. */
export function pageListing(signals: Pick<PageSignals, 'pageKind' | 'organizations'>): { organization: OrganizationSignal; page: ListingPage } | null {
  const page = LISTINGS[signals.pageKind];
  const organization = Array.isArray(signals.organizations) ? signals.organizations[0] : undefined;
  return page && organization ? { organization, page } : null;
}

type Rank = (signal: PersonSignal, context: PersonContext) => RankedMatch | null;

interface Claim {
  ref: number;
  role: PageRole;
  /** Canonical profile URL: people with different ones are different people. */
  url: string | null;
  match: RankedMatch;
}

const CONFIDENCE_RANK = { possible: 1, likely: 2, confirmed: 3 } as const;

/** Stronger first: confidence, then the page's subject, then the strength of the evidence. */
function compare(a: Claim, b: Claim): number {
  return (
    CONFIDENCE_RANK[b.match.result.confidence] - CONFIDENCE_RANK[a.match.result.confidence] ||
    Number(b.role === 'subject') - Number(a.role === 'subject') ||
    b.match.strength - a.match.strength
  );
}

const ambiguous = (claim: Claim) => claim.match.namesakes.length > 1;

/**
 * Every person of the page matched with the page's context, then made consistent: for each alumnus, the
 * people on the page who could be them (their match, or a namesake their page could not rule out) are
 * ranked, and the first keeps the alumnus. Others with a different profile URL lose their match, except
 * where nothing is decisive: when the first could itself be one of several namesakes, everyone keeps
 * their own possible match; when another ties with the first, both become possible and say so. People
 * without a profile URL may be the same person named twice, so they never compete.
 */
export function recognisePage(signals: PageSignals, rank: Rank): PagePersonMatch[] {
  const roles = pageRoles(signals);
  const listing = pageListing(signals);
  const claims: Claim[] = [];
  signals.people.forEach((signal, ref) => {
    const role = roles[ref]!;
    const context: PersonContext = listing && role === 'listed' ? { listedAt: listing } : {};
    const match = rank(signal, context);
    if (match) claims.push({ ref, role, url: canonicalProfileUrl(signal.profileUrl), match });
  });

  const dropped = new Set<Claim>();
  const tied = new Map<Claim, { alumnus: string; count: number }>();
  for (const alumnusId of new Set(claims.map((claim) => claim.match.result.alumnusId))) {
    const contenders = claims.filter((claim) => claim.url !== null && claim.match.namesakes.includes(alumnusId)).sort(compare);
    const top = contenders[0];
    if (!top || ambiguous(top) || new Set(contenders.map((claim) => claim.url)).size < 2) continue;
    const ties = contenders.filter(
      (claim) => claim.url !== top.url && compare(claim, top) === 0 && !ambiguous(claim) && claim.match.result.alumnusId === alumnusId,
    );
    const holders = ties.length ? contenders.filter((claim) => claim.url === top.url || ties.includes(claim)) : [];
    for (const claim of contenders) {
      if (claim.url === top.url || ties.includes(claim)) continue;
      dropped.add(claim);
    }
    for (const claim of holders) tied.set(claim, { alumnus: top.match.display, count: new Set(holders.map((h) => h.url)).size });
  }

  return claims
    .filter((claim) => !dropped.has(claim))
    .map((claim) => {
      const { ref, role } = claim;
      const { result } = claim.match;
      const tie = tied.get(claim);
      if (!tie) return { ref, role, ...result };
      return { ref, role, alumnusId: result.alumnusId, confidence: 'possible', evidence: [...result.evidence, { kind: 'page-namesakes', values: tie }] };
    });
}
