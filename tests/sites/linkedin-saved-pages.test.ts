import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findAdapter, type Extraction } from '../../utils/sites/index';
import { expectedMonths, LINKEDIN_ORIGINALS, loadPage, readFixture } from './support';

// The anonymised real LinkedIn pages, checked against the ground truth that came with them
// (tests/fixtures/linkedin/ground_truth.json): names, headlines, employers, titles and months.

const Role = z.object({ title: z.string(), dates: z.string() });
const Employer = z.object({ company: z.string(), title: z.string().optional(), dates: z.string().optional(), roles: z.array(Role).optional() });
const ProfileTruth = z.object({
  url: z.string(),
  slug: z.string(),
  name: z.string(),
  headline: z.string(),
  currentEmployer: Employer,
  otherCurrentRoles: z.array(Employer).default([]),
  pastEmployers: z.array(Employer),
  education: z.array(z.object({ school: z.string() })),
  volunteering_not_employment: z.array(z.object({ org: z.string() })).default([]),
  otherPeopleOnPage_notTheSubject: z.array(z.string()),
});
const CompanyTruth = z.object({
  name: z.string(),
  website: z.string(),
  companySlug: z.string(),
  employeesListed: z.array(z.object({ name: z.string(), headline: z.string(), profile: z.string() })),
});
const truth = JSON.parse(readFixture('linkedin/ground_truth.json')) as Record<string, unknown>;

function extract(path: string): Extraction {
  const { url } = LINKEDIN_ORIGINALS[path];
  const found = findAdapter(new URL(url));
  if (!found) throw new Error(`no adapter for ${url}`);
  return found.adapter.extract(loadPage(path), found.kind, new URL(url));
}

/** Ground-truth employers as experience entries: one per role, grouped roles under their company. */
function expectedExperience(t: z.infer<typeof ProfileTruth>) {
  return [t.currentEmployer, ...t.otherCurrentRoles, ...t.pastEmployers].flatMap((employer) =>
    (employer.roles ?? [{ title: employer.title ?? '', dates: employer.dates ?? '' }]).map((role) => ({
      organization: employer.company,
      title: role.title,
      ...expectedMonths(role.dates),
    })),
  );
}

const profiles = Object.entries(LINKEDIN_ORIGINALS).filter(([, page]) => page.expect === 'person');

describe.each(profiles)('LinkedIn saved profile %s', (path, page) => {
  const t = ProfileTruth.parse(truth[path.replace('linkedin/', '')]);
  const result = extract(path);
  if (!result.ok) throw new Error(`not extracted: ${JSON.stringify(result.diagnostic)}`);
  const [subject, ...others] = result.signals.people;

  it('classifies the URL as a profile and reads the subject first', () => {
    expect(result.signals.pageKind).toBe(page.kind);
    expect(result.roles[0]).toBe('subject');
    expect(subject.name).toBe(t.name);
    expect(subject.headline).toBe(t.headline);
  });

  it('gives the canonical profile URL (www host, no query, no trailing slash)', () => {
    expect(subject.profileUrl).toBe(`https://www.linkedin.com/in/${t.slug}`);
  });

  it('reads every employer with title and months, grouped roles included', () => {
    expect(subject.currentOrganization).toBe(t.currentEmployer.company);
    expect(subject.experience).toEqual(expectedExperience(t));
  });

  it('never takes education or volunteering for employment', () => {
    const organizations = subject.experience?.map((entry) => entry.organization) ?? [];
    const employers = new Set(expectedExperience(t).map((entry) => entry.organization));
    for (const school of t.education.map((e) => e.school).filter((school) => !employers.has(school))) expect(organizations).not.toContain(school);
    for (const volunteering of t.volunteering_not_employment) expect(organizations).not.toContain(volunteering.org);
  });

  it('lists the side-rail people as related, never as the subject, and not the viewer', () => {
    const expected = t.otherPeopleOnPage_notTheSubject.filter((name) => !name.startsWith('Test Viewer'));
    expect(others.map((person) => person.name)).toEqual(expected);
    expect(result.roles.slice(1).every((role) => role === 'related')).toBe(true);
    expect(result.signals.people.map((person) => person.name)).not.toContain('Test Viewer');
  });

  it('points the badge at the visible name heading', () => {
    expect(result.nameElements[0]?.tagName).toBe('H1');
    expect(result.nameElements[0]?.textContent?.trim()).toBe(t.name);
  });
});

describe('LinkedIn saved company page', () => {
  const path = 'linkedin/li-company-public-2024.html';
  const t = CompanyTruth.parse(truth[path.replace('linkedin/', '')]);
  const result = extract(path);
  if (!result.ok) throw new Error(`not extracted: ${JSON.stringify(result.diagnostic)}`);

  it('names the organisation with its canonical LinkedIn URL and website domain', () => {
    expect(result.signals.pageKind).toBe('company');
    expect(result.signals.organizations).toEqual([
      { name: t.name, url: `https://www.linkedin.com/company/${t.companySlug}`, domain: new URL(t.website).hostname.replace(/^www\./, '') },
    ]);
  });

  it('lists the "Employees at" people with headlines and canonical profile URLs, names without emoji decoration', () => {
    expect(result.signals.people).toEqual(
      t.employeesListed.map((employee) => ({
        // "🚲  Pablo Serrano" as displayed: the decoration is not part of the name.
        name: employee.name.replace(/^\p{Extended_Pictographic}\s*/u, '').replace(/\s+/g, ' '),
        headline: employee.headline,
        profileUrl: employee.profile.replace(/^https:\/\/[a-z]+\.linkedin\.com/, 'https://www.linkedin.com'),
      })),
    );
    expect(result.roles.every((role) => role === 'listed')).toBe(true);
  });
});

describe('LinkedIn pages that show nobody', () => {
  it('"Profile Not Found" gives a diagnostic naming the missing anchor, not a person called "An exact match…"', () => {
    const result = extract('linkedin/li-profile-notfound-2024.html');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic).toMatchObject({ adapter: 'linkedin', pageKind: 'profile' });
    expect(result.diagnostic.missing).toMatch(/profile name/);
  });

  it('the anti-bot challenge page gives a "challenge" diagnostic', () => {
    const result = extract('linkedin/li-challenge-redirect-2024.html');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic).toMatchObject({ adapter: 'linkedin', pageKind: 'profile' });
    expect(result.diagnostic.missing).toMatch(/anti-bot challenge/);
  });
});
