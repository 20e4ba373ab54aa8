import type { Extraction } from '../../../utils/sites/types';
import type { ExpectedPerson } from './index';

// How well a reader did on a page: each expected person read with the right name, profile URL,
// headline and role (the subject also with current employer and every dated role), and every person
// it gave that is not on the list counted as wrong. Written apart from the readers: it knows only
// what the page means.

export interface Score {
  correct: number;
  expected: number;
  /** People given that should not be (a wrong name, a mention, UI text, the viewer). */
  wrong: number;
  /** One line per miss or wrong person, for a failing test's message. */
  problems: string[];
}

/** Bidi marks and spacing do not change what a text says. */
const same = (a: string | undefined, b: string | undefined) => normal(a) === normal(b);
const normal = (text: string | undefined) => (text ?? '').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

type Person = Extract<Extraction, { ok: true }>['signals']['people'][number];

function mismatch(expected: ExpectedPerson, person: Person, role: string | undefined): string | undefined {
  if (person.name !== expected.name) return `name "${person.name}"`;
  if (role !== expected.role) return `role ${role}`;
  if (expected.headline !== undefined && !same(person.headline, expected.headline)) return `headline "${person.headline ?? ''}"`;
  if (expected.currentOrganization !== undefined && person.currentOrganization !== expected.currentOrganization) return `current organisation "${person.currentOrganization ?? ''}"`;
  if (expected.experience) {
    const got = (person.experience ?? []).map((entry) => `${entry.organization}|${entry.title ?? ''}|${entry.from ?? ''}|${entry.to === null ? 'now' : (entry.to ?? '')}`);
    const want = expected.experience.map((role) => `${role.company}|${role.title}|${role.from}|${role.to ?? 'now'}`);
    if (got.join('\n') !== want.join('\n')) return `experience ${JSON.stringify(got)}`;
  }
  return undefined;
}

/** `scoredRoles`: people given in other roles are not judged (their ground truth is not known). */
export function score(expected: ExpectedPerson[], result: Extraction, notNames: string[] = [], scoredRoles?: ReadonlyArray<ExpectedPerson['role']>): Score {
  const problems: string[] = [];
  if (!result.ok) return { correct: 0, expected: expected.length, wrong: 0, problems: [`no people: ${result.diagnostic.missing}`] };
  const people = result.signals.people;
  let correct = 0;
  for (const want of expected) {
    const index = people.findIndex((person) => person.profileUrl === want.profileUrl);
    if (index === -1) {
      problems.push(`missing ${want.name} (${want.profileUrl})`);
      continue;
    }
    const why = mismatch(want, people[index], result.roles[index]);
    if (why) problems.push(`${want.name}: ${why}`);
    else correct++;
  }
  const wanted = new Set(expected.map((person) => person.profileUrl));
  let wrong = 0;
  people.forEach((person, index) => {
    if (scoredRoles && !scoredRoles.includes(result.roles[index])) return;
    if (!wanted.has(person.profileUrl ?? '') || notNames.includes(person.name)) {
      wrong++;
      problems.push(`not a person of this page: "${person.name}" (${person.profileUrl ?? 'no URL'}, ${result.roles[index]})`);
    }
  });
  return { correct, expected: expected.length, wrong, problems };
}
