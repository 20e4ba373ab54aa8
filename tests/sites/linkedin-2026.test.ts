import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findAdapter, type Extraction } from '../../utils/sites/index';
import { cleanText } from '../../utils/sites/text';
import { LINKEDIN_2026, loadPage, readFixture } from './support';

// The anonymised real LinkedIn pages of 2026 (tests/fixtures/linkedin-2026/, README lists the traps),
// checked against the ground truth that came with them: the 2026-app profile (no <h1>, no data
// island, Experience not yet drawn), the Ember people search with presence text in the photo link,
// and My Network → Connections (a new page kind).

const Person = z.object({ name: z.string(), nameWithoutDecoration: z.string().optional(), headline: z.string().optional(), profileUrl: z.string().optional() });
const Truth = z.object({
  pageKind: z.string(),
  url: z.string(),
  person: Person.extend({ currentOrganization: z.string() }).optional(),
  people: z.array(Person).default([]),
  notNames: z.array(z.string()).default([]),
  otherPeopleOnPage_notResults: z.array(z.object({ name: z.string(), profileUrl: z.string().optional(), section: z.string().optional() })).default([]),
});
const truths = JSON.parse(readFixture('linkedin-2026/ground_truth.json')) as Record<string, unknown>;

/** The page-signal spelling of a profile URL: www host, no trailing slash, no query. */
const canonical = (url: string) => url.replace(/^https:\/\/[a-z]+\.linkedin\.com/, 'https://www.linkedin.com').replace(/\/$/, '');

function extract(path: string): Extraction {
  const { url } = LINKEDIN_2026[path];
  const found = findAdapter(new URL(url));
  if (!found) throw new Error(`no adapter for ${url}`);
  return found.adapter.extract(loadPage(path, url), found.kind, new URL(url));
}

function truthOf(path: string) {
  return Truth.parse(truths[path.replace('linkedin-2026/', '')]);
}

describe('2026-app profile (li-profile-newapp-2026.html)', () => {
  const path = 'linkedin-2026/li-profile-newapp-2026.html';
  const t = truthOf(path);
  const result = extract(path);
  if (!result.ok) throw new Error(`not extracted: ${JSON.stringify(result.diagnostic)}`);
  const [subject, ...others] = result.signals.people;

  it('finds the subject from the <title> agreeing with an <h2>, with headline and current company', () => {
    expect(result.signals.pageKind).toBe('profile');
    expect(result.roles[0]).toBe('subject');
    expect(subject).toEqual({
      name: t.person!.name,
      headline: t.person!.headline,
      profileUrl: canonical(t.person!.profileUrl!),
      currentOrganization: t.person!.currentOrganization,
    });
    expect(result.nameElements[0]?.tagName).toBe('H2');
  });

  it('takes no employer from the About text: without the Experience section there is no experience', () => {
    expect(subject.experience).toBeUndefined();
    expect(JSON.stringify(subject)).not.toMatch(/Deloitte Tohmatsu|Rakuten/);
  });

  it('lists every side-rail member as related, with a headline and profile URL, and no first-name-only mentions', () => {
    const expected = t.otherPeopleOnPage_notResults.filter((person) => person.profileUrl);
    expect(others.map((person) => [person.name, person.profileUrl])).toEqual(expected.map((person) => [person.name, canonical(person.profileUrl!)]));
    expect(result.roles.slice(1).every((role) => role === 'related')).toBe(true);
    for (const person of others) expect(person.headline, person.name).toBeTruthy();
    const names = result.signals.people.map((person) => person.name);
    for (const firstNameOnly of t.otherPeopleOnPage_notResults.filter((person) => !person.profileUrl)) expect(names).not.toContain(firstNameOnly.name);
  });
});

describe('Ember people search of 2026 (li-search-people-ember-2026.html)', () => {
  const path = 'linkedin-2026/li-search-people-ember-2026.html';
  const t = truthOf(path);
  const result = extract(path);
  if (!result.ok) throw new Error(`not extracted: ${JSON.stringify(result.diagnostic)}`);

  it('reads all ten results in order: names, not the presence text in the photo link', () => {
    expect(result.signals.people.map(({ name, headline, profileUrl }) => ({ name, headline, profileUrl }))).toEqual(
      t.people.map((person) => ({ name: person.name, headline: person.headline, profileUrl: canonical(person.profileUrl!) })),
    );
    expect(result.roles.every((role) => role === 'listed')).toBe(true);
  });

  it('never names anyone "Status is offline", a degree or a screen-reader phrase, and leaves the viewer out', () => {
    const names = result.signals.people.map((person) => person.name);
    for (const notName of [...t.notNames, ...t.otherPeopleOnPage_notResults.map((person) => person.name)]) expect(names).not.toContain(notName);
  });

  it('puts each badge on the visible name, not on the photo link', () => {
    result.nameElements.forEach((element, i) => expect(element?.textContent?.trim()).toBe(result.signals.people[i].name));
  });
});

describe('My Network → Connections, 2026 app (li-connections-2026.html)', () => {
  const path = 'linkedin-2026/li-connections-2026.html';
  const t = truthOf(path);
  const result = extract(path);
  if (!result.ok) throw new Error(`not extracted: ${JSON.stringify(result.diagnostic)}`);

  it('is its own page kind and reads every connection with headline and profile URL', () => {
    expect(result.signals.pageKind).toBe('connections');
    expect(result.signals.people).toEqual(
      t.people.map((person) => ({ name: person.nameWithoutDecoration ?? person.name, headline: cleanText(person.headline), profileUrl: canonical(person.profileUrl!) })),
    );
  });

  it('trims the "⭐I\'m Hiring⭐" decoration and keeps right-to-left text readable', () => {
    const names = result.signals.people.map((person) => person.name);
    expect(names).toContain('Priya Sharma');
    expect(names.join(' ')).not.toMatch(/Hiring|⭐/);
    expect(result.signals.people[0].headline).toBe('Quality Assurance Inspector בחברה אינטל');
  });
});
