import { z } from 'zod';
import { LINKEDIN_2026, LINKEDIN_ORIGINALS, readFixture, signalTruths } from '../support';
import type { ExpectedPerson } from './index';

// The saved LinkedIn pages (anonymised real captures and pages written from their structure), each
// with the markup generation it belongs to and the people a reader must find on it, for the
// page kind × generation table (scripts/linkedin-matrix.ts). Side-rail people of the oldest captures
// have no profile URL in their ground truth: those pages score their subject and list only.

export type Column = 'ember-2024' | 'ember-2025' | 'app-2026' | 'guest';

export interface FixturePage {
  path: string;
  url: string;
  kind: string;
  column: Column;
  source: 'real' | 'written';
  people: ExpectedPerson[];
  /** Roles whose extra people count as wrong (others are not in the ground truth). */
  scoredRoles: Array<ExpectedPerson['role']>;
}

const www = (url: string) => url.replace(/^https:\/\/[a-z]+\.linkedin\.com/, 'https://www.linkedin.com').replace(/[?#].*$/, '').replace(/\/$/, '');
const undecorated = (name: string) => name.replace(/^\p{Extended_Pictographic}\s*/u, '').trim();

/** Which generation each saved page is (README.md of each folder says how we know). */
const COLUMNS: Record<string, Column> = {
  'linkedin/li-profile-loggedin-2024.html': 'ember-2024',
  'linkedin/li-profile-public-2024.html': 'guest',
  'linkedin/li-profile-public-2026.html': 'guest',
  'linkedin/li-company-public-2024.html': 'guest',
  'linkedin/written/li-company-people-loggedin.html': 'ember-2024',
  'linkedin/written/li-search-people-loggedin.html': 'ember-2024',
  'linkedin/written/li-profile-loggedin-ja.html': 'ember-2024',
  'linkedin/written/li-profile-details-experience-loggedin.html': 'ember-2024',
  'linkedin/written/li-company-overview-loggedin.html': 'ember-2024',
  'linkedin-2026/li-profile-newapp-2026.html': 'app-2026',
  'linkedin-2026/li-search-people-ember-2026.html': 'ember-2025',
  'linkedin-2026/li-connections-2026.html': 'app-2026',
  'linkedin-2026/written/li-profile-newapp-experience-2026.html': 'app-2026',
  'linkedin-2026/written/li-profile-details-newapp-2026.html': 'app-2026',
  'linkedin-2026/written/li-profile-newapp-ja-2026.html': 'app-2026',
  'linkedin-2026/written/li-connections-ja-2026.html': 'app-2026',
  'linkedin-2026/written/li-search-people-newapp-2026.html': 'app-2026',
  'linkedin-2026/written/li-search-people-ember-ja-2026.html': 'ember-2025',
};

const Originals = z.record(z.string(), z.unknown());
const OriginalProfile = z.object({ slug: z.string(), name: z.string(), headline: z.string() });
const OriginalCompany = z.object({ employeesListed: z.array(z.object({ name: z.string(), headline: z.string(), profile: z.string() })) });
const Person2026 = z.object({ name: z.string(), nameWithoutDecoration: z.string().optional(), headline: z.string().optional(), profileUrl: z.string().optional() });
const Truth2026 = z.object({
  person: Person2026.optional(),
  people: z.array(Person2026).default([]),
  otherPeopleOnPage_notResults: z.array(z.object({ name: z.string(), profileUrl: z.string().optional() })).default([]),
});

function originals(): FixturePage[] {
  const truth = Originals.parse(JSON.parse(readFixture('linkedin/ground_truth.json')));
  return Object.entries(LINKEDIN_ORIGINALS).flatMap(([path, page]): FixturePage[] => {
    const raw = truth[path.replace('linkedin/', '')];
    const common = { path, url: page.url, kind: page.kind, column: COLUMNS[path]!, source: 'real' as const };
    if (page.expect === 'person') {
      const t = OriginalProfile.parse(raw);
      return [{ ...common, people: [{ name: t.name, headline: t.headline, profileUrl: `https://www.linkedin.com/in/${t.slug}`, role: 'subject' }], scoredRoles: ['subject'] }];
    }
    if (page.expect === 'company') {
      const t = OriginalCompany.parse(raw);
      const people = t.employeesListed.map((person): ExpectedPerson => ({ name: undecorated(person.name), headline: person.headline, profileUrl: www(person.profile), role: 'listed' }));
      return [{ ...common, people, scoredRoles: ['listed', 'related'] }];
    }
    return []; // Not-found and anti-bot pages show nobody: the fixture tests check their diagnostics.
  });
}

function captures2026(): FixturePage[] {
  const truth = Originals.parse(JSON.parse(readFixture('linkedin-2026/ground_truth.json')));
  return Object.entries(LINKEDIN_2026).map(([path, page]): FixturePage => {
    const t = Truth2026.parse(truth[path.replace('linkedin-2026/', '')]);
    const person = (p: z.infer<typeof Person2026>, role: ExpectedPerson['role']): ExpectedPerson => ({
      name: p.nameWithoutDecoration ?? p.name,
      ...(p.headline ? { headline: p.headline } : {}),
      profileUrl: www(p.profileUrl!),
      role,
    });
    const people =
      page.kind === 'profile'
        ? [person(t.person!, 'subject'), ...t.otherPeopleOnPage_notResults.filter((p) => p.profileUrl).map((p) => person(p, 'related'))]
        : t.people.map((p) => person(p, 'listed'));
    return { path, url: page.url, kind: page.kind, column: COLUMNS[path]!, source: 'real', people, scoredRoles: ['subject', 'listed', 'related'] };
  });
}

function written(): FixturePage[] {
  return ['linkedin/written', 'linkedin-2026/written'].flatMap((folder) =>
    signalTruths(folder).map(([path, truth]): FixturePage => ({
      path,
      url: truth.url,
      kind: truth.pageKind,
      column: COLUMNS[path]!,
      source: 'written',
      people: truth.people.map((p) => ({ name: p.name, ...(p.headline ? { headline: p.headline } : {}), profileUrl: p.profileUrl!, role: p.role })),
      scoredRoles: ['subject', 'listed', 'related'],
    })),
  );
}

export function fixturePages(): FixturePage[] {
  return [...originals(), ...captures2026(), ...written()];
}
