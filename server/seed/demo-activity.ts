/**
 * A year of the demo company's programme, so the console's overview has living charts on `npm start`: staff
 * introductions spread over twelve months and every kind (busier as the programme grows), and alumni's interests
 * in the open offers. Dates are counted back from when the seed first runs; ids are fixed, so a restart adds
 * only what is missing. Drawn from a seeded generator: the same spread every time.
 *
 * 山田 太郎 (E1001) and Sofia Andersson Reyes (E2001) get none: the end-to-end stories log their first ones and
 * count them. Two offers get no seeded interest for the same reason (the stories answer them).
 */
import type { IntroductionInput, IntroductionKind } from '../../utils/api';
import { seededRandom } from '../../utils/seeded-random';
import { demoAlumni, demoOrganizations, type DemoAlumnus } from './demo-data';
import { demoUsers } from './demo-matching';
import type { ApiUser } from '../store/tokens';

const day = 86_400_000;
/** Kept free of seeded activity: tests and stories count what is logged for them. */
const untouched = new Set(['E1001', 'E2001']);

/** A fixed UUID (version 4 layout) per seeded record: `5eed` + what it is + its number. */
const seedId = (what: number, index: number) => `5eed0000-0000-4000-8${what.toString(16).padStart(3, '0')}-${index.toString(16).padStart(12, '0')}`;

type Logger = { user: ApiUser; kinds: Array<[IntroductionKind, number]>; share: number };

/** Who logs what: recruiters refer and bring people back, sales introduce clients, the programme office connects. */
const loggers: Logger[] = [
  { user: demoUsers.kenji, share: 0.45, kinds: [['referral', 0.5], ['rehire', 0.3], ['collaboration', 0.1], ['other', 0.1]] },
  { user: demoUsers.emily, share: 0.4, kinds: [['sales-introduction', 0.7], ['collaboration', 0.25], ['other', 0.05]] },
  { user: demoUsers.aiko, share: 0.15, kinds: [['collaboration', 0.4], ['referral', 0.3], ['other', 0.3]] },
];

const notes: Record<IntroductionKind, string[]> = {
  referral: ['Referred for the platform team', '元同僚をバックエンド採用に紹介', 'Knows two SREs who might join', 'デザイナー候補を紹介してもらった'],
  rehire: ['Open to coming back next spring', '再入社に前向き。来年4月以降で調整', 'Wants to lead the design system work'],
  'sales-introduction': ['Introduced us to their procurement team', '調達部門の責任者を紹介', 'Warm intro to the CTO office', '来期のシステム刷新の担当者につないでもらった'],
  collaboration: ['Co-hosting a meetup in spring', '共同ウェビナーを企画', 'Joint proposal for a data project'],
  other: ['Caught up at the alumni meetup', 'アルムナイ交流会で近況を聞いた'],
};

function pick<T>(random: () => number, weighted: Array<[T, number]>): T {
  let roll = random() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return weighted.at(-1)![0];
}

const oneOf = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Where it was logged: the alumnus's profile, or for an organisation, its website or company page. */
function contextFor(random: () => number, kind: IntroductionKind, alumnus: DemoAlumnus): IntroductionInput['context'] {
  const organization = demoOrganizations.find((org) => org.id === alumnus.currentEmployer?.organizationId);
  if (organization && (kind === 'sales-introduction' || kind === 'collaboration')) {
    const company = organization.profileUrls[0];
    return company && random() < 0.5
      ? { site: 'linkedin', url: `${company}/people/`, organizationId: organization.id }
      : { site: 'org-website', url: `https://${organization.domains[0]}/`, organizationId: organization.id };
  }
  const profile = alumnus.profileUrls?.[0];
  return profile ? { site: 'linkedin', url: profile } : { site: oneOf(random, ['linkedin', 'wantedly']) };
}

/** A working day at 10:00–19:00 in Tokyo, `daysAgo` before `now` (never later than now). */
function workingTime(random: () => number, now: number, daysAgo: number): string {
  const date = new Date(now - daysAgo * day);
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(date.getUTCDate() - 1);
  if (weekday === 0) date.setUTCDate(date.getUTCDate() + 1);
  date.setUTCHours(1 + Math.floor(random() * 9), Math.floor(random() * 60), 0, 0);
  return new Date(Math.min(date.getTime(), now - 3_600_000)).toISOString();
}

export type SeedIntroduction = { by: ApiUser; input: IntroductionInput };

/** About ninety introductions over the last year, three times as many lately as a year ago. */
export function demoIntroductions(now: number, count = 90): SeedIntroduction[] {
  const random = seededRandom(20_261_202);
  const candidates = demoAlumni.filter((a) => a.consent.recognition && !untouched.has(a.id));
  const introductions: SeedIntroduction[] = [];
  for (let index = 0; introductions.length < count; index++) {
    // Rejection sampling: a day 0–359 days back, kept with a chance that falls from 1 (today) to 1/3 (a year ago).
    const daysAgo = Math.floor(random() * 360);
    if (random() > (1 + (2 * (359 - daysAgo)) / 359) / 3) continue;
    const logger = pick(random, loggers.map((l): [Logger, number] => [l, l.share]));
    const kind = pick(random, logger.kinds);
    const owned = candidates.filter((a) => a.relationshipOwner?.email === logger.user.email);
    let pool = owned.length > 0 && random() < 0.7 ? owned : candidates;
    if (kind === 'rehire') pool = pool.filter((a) => a.rehireEligible);
    if (kind === 'sales-introduction') pool = pool.filter((a) => a.currentEmployer?.organizationId);
    if (pool.length === 0) pool = candidates;
    const alumnus = oneOf(random, pool);
    const note = random() < 0.45 ? oneOf(random, notes[kind]) : undefined;
    introductions.push({
      by: logger.user,
      input: {
        id: seedId(1, introductions.length + 1),
        alumnusId: alumnus.id,
        kind,
        ...(note && { note }),
        context: contextFor(random, kind, alumnus),
        occurredAt: workingTime(random, now, daysAgo),
      },
    });
  }
  return introductions;
}

export type SeedInterest = { alumnusId: string; id: string; offerId: string; message?: string; receivedAt: string };

/** Alumni answering open offers over the last months, each with their own token (erasure finds them by it). */
const interests: Array<[alumnusId: string, offerId: string, daysAgo: number, message?: string]> = [
  ['E2005', 'offer-audiense-dashboard', 48, 'Nordlicht builds dashboards like this every month.'],
  ['E1013', 'offer-audiense-dashboard', 41, 'Happy to help with the data model.'],
  ['E1010', 'offer-audiense-dashboard', 12],
  ['E2002', 'offer-audiense-sre-referral', 63, 'I know two SREs at Audiense who would be a fit.'],
  ['E1019', 'offer-audiense-sre-referral', 20],
  ['E1011', 'offer-mirai-bank-mobile', 75, '社内のアーキテクチャ検討に参加できます。'],
  ['E1005', 'offer-mirai-bank-mobile', 33],
  ['E1003', 'offer-business-matching-2027', 70, 'みらい銀行として出展を検討しています。'],
  ['E1020', 'offer-business-matching-2027', 38, '人材紹介の出展枠を希望します。'],
  ['E1012', 'offer-business-matching-2027', 36],
  ['E1022', 'offer-business-matching-2027', 9, '物流DXの事例を紹介したいです。'],
  ['E1009', 'offer-business-matching-2027', 4],
  ['E2015', 'offer-spotify-frontend-guild', 27, 'I run the design-system guild at Spotify; count me in.'],
  ['E1024', 'offer-spotify-frontend-guild', 15],
  ['E2007', 'offer-business-matching-2027', 22],
];

export function demoInterests(now: number): SeedInterest[] {
  const random = seededRandom(20_261_203);
  return interests.map(([alumnusId, offerId, daysAgo, message], index) => ({
    alumnusId,
    id: seedId(2, index + 1),
    offerId,
    ...(message && { message }),
    receivedAt: workingTime(random, now, daysAgo),
  }));
}
