import * as z from 'zod/mini';
import type { PagePerson } from '../../components/Sidebar/sidebar-store';
import { OrganizationMatch, PersonMatch } from '../messaging/match-answer';
import type { PageResults } from './page-view';

/** A page's results as the in-page UI draws them: every match checked in full against the protocol. */
export interface CheckedResults {
  people: Array<PagePerson & { element: Element | null }>;
  organizations: OrganizationMatch[];
}

const People = z.array(PersonMatch);
const Organizations = z.array(OrganizationMatch);

/**
 * The content script checked only what it reads of the worker's answer itself (match-shell.ts); the in-page UI
 * checks all the rest before it draws any of it. An error, and nothing to draw, when any match is not what the
 * protocol says (a worker of another version, a tampered reply).
 */
export function checkResults(results: PageResults): CheckedResults | Error {
  const people = People.safeParse(results.people);
  if (!people.success) return new Error(`Unexpected person from the worker: ${people.error.issues[0]?.message ?? 'invalid'}`);
  const organizations = Organizations.safeParse(results.organizations);
  if (!organizations.success) return new Error(`Unexpected organisation from the worker: ${organizations.error.issues[0]?.message ?? 'invalid'}`);
  return {
    // Parsing keeps only the match's own fields: where the person is on the page, and as whom, come back from the results.
    people: people.data.map((person, i) => ({ ...person, role: results.people[i]!.role, element: results.people[i]!.element })),
    organizations: organizations.data,
  };
}
