import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ExperienceSignal } from '../../utils/signals/schema';
import { parseHtml } from '../../scripts/saved-pages/node-dom';

// Fixtures and their ground truth, for the site-adapter tests. Every saved or written page under
// tests/fixtures/ is listed here once (the meta-test checks nothing is left out).

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function readFixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** Parse a page the way the content script sees it: scripts never run, nothing is fetched. */
export function parsePage(html: string, url = 'https://example.com/'): Document {
  return parseHtml(html, url).document;
}

export function loadPage(path: string, url?: string): Document {
  return parsePage(readFixture(path), url);
}

/** Ground truth in the page-signal shape (the hand-written fixtures' ground_truth.json files). */
const ExpectedPerson = z.object({
  role: z.enum(['subject', 'listed', 'related']),
  name: z.string(),
  headline: z.string().optional(),
  profileUrl: z.string().optional(),
  currentOrganization: z.string().optional(),
  experience: z.array(ExperienceSignal).optional(),
});
export const SignalTruth = z.object({
  url: z.string(),
  pageKind: z.string(),
  domains: z.array(z.string()).optional(),
  people: z.array(ExpectedPerson).default([]),
  organizations: z.array(z.object({ name: z.string(), url: z.string().optional(), domain: z.string().optional() })),
  absent: z.array(z.string()).default([]),
  visibleNames: z.array(z.string()).optional(),
  hiddenNames: z.array(z.string()).optional(),
});
export type SignalTruth = z.infer<typeof SignalTruth>;

/** Every entry of a ground_truth.json written in the page-signal shape, keyed by fixture path. */
export function signalTruths(folder: string): [string, SignalTruth][] {
  const raw = JSON.parse(readFixture(join(folder, 'ground_truth.json'))) as Record<string, unknown>;
  return Object.entries(raw)
    .filter(([key]) => !key.startsWith('_'))
    .map(([file, value]) => [join(folder, file), SignalTruth.parse(value)]);
}

/** Folders whose ground truth is in the page-signal shape. */
export const SIGNAL_FOLDERS = ['linkedin/written', 'linkedin-2026/written', 'github', 'wantedly', 'xing', 'org-website'];

/** The anonymised real LinkedIn pages of 2026 (tests/fixtures/linkedin-2026/ground_truth.json) and the URL each was served at. */
export const LINKEDIN_2026: Record<string, { url: string; kind: 'profile' | 'search-people' | 'connections' }> = {
  'linkedin-2026/li-profile-newapp-2026.html': { url: 'https://www.linkedin.com/in/md-arif-chowdhury-5c3e71a24/', kind: 'profile' },
  'linkedin-2026/li-search-people-ember-2026.html': { url: 'https://www.linkedin.com/search/results/people/?keywords=accenture', kind: 'search-people' },
  'linkedin-2026/li-connections-2026.html': { url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/', kind: 'connections' },
};

/** The saved real LinkedIn pages (tests/fixtures/linkedin/ground_truth.json) and the URL each was served at. */
export const LINKEDIN_ORIGINALS: Record<string, { url: string; kind: 'profile' | 'company'; expect: 'person' | 'company' | 'diagnostic' }> = {
  'linkedin/li-profile-loggedin-2024.html': { url: 'https://www.linkedin.com/in/sofia-andersson-reyes/', kind: 'profile', expect: 'person' },
  'linkedin/li-profile-public-2024.html': { url: 'https://se.linkedin.com/in/sofia-andersson-reyes', kind: 'profile', expect: 'person' },
  'linkedin/li-profile-public-2026.html': { url: 'https://www.linkedin.com/in/arjun-mehta-4f8a21', kind: 'profile', expect: 'person' },
  'linkedin/li-company-public-2024.html': { url: 'https://uk.linkedin.com/company/audiense', kind: 'company', expect: 'company' },
  'linkedin/li-profile-notfound-2024.html': { url: 'https://www.linkedin.com/in/nonexistent-member-4x9', kind: 'profile', expect: 'diagnostic' },
  'linkedin/li-challenge-redirect-2024.html': { url: 'https://www.linkedin.com/in/sofia-andersson-reyes/', kind: 'profile', expect: 'diagnostic' },
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The months a ground-truth date text stands for ("Jul 2021 - Present · 3 yrs 1 mo", "2017 - 2024").
 * Written independently of utils/sites/dates.ts on purpose, so the tests do not check the parser with itself.
 */
export function expectedMonths(text: string): Pick<ExperienceSignal, 'from' | 'to'> {
  const [range] = text.split(' · ');
  const [start, end] = range.replace(/\(.*\)/, '').split(' - ').map((part) => part.trim());
  const point = (part: string, isEnd: boolean): string | null => {
    if (part === 'Present') return null;
    const [a, b] = part.split(' ');
    if (!b) return `${a}-${isEnd ? '12' : '01'}`;
    return `${b}-${String(MONTHS.indexOf(a.toLowerCase()) + 1).padStart(2, '0')}`;
  };
  const from = point(start, false);
  return { from: from ?? undefined, to: end === undefined ? undefined : point(end, true) };
}
