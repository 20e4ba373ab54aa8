import { describe, expect, it } from 'vitest';
import type { Organization } from '../../utils/api';
import { buildIndex, type PagePersonMatch } from '../../utils/recognition';
import type { PageSignals, PersonSignal } from '../../utils/signals/schema';
import { SAKURA_DIGITAL } from './evaluate';
import { alumnus } from './support/alumni';

// Issue 15: a page read as a whole. Fault 1: one alumnus is one person on a page. Fault 3: a page that
// lists an organisation's people says where they work.

const audiense: Organization = {
  id: 'org-audiense',
  name: 'Audiense',
  aliases: ['Audiense Ltd'],
  domains: ['audiense.com'],
  profileUrls: ['https://www.linkedin.com/company/audiense'],
  updatedAt: '2026-01-01T00:00:00Z',
};
const directory = [
  alumnus('al-lk-tiwari', { display: 'Laxmi Kant Tiwari' }, { currentEmployer: { name: 'Infosys' } }),
  alumnus('al-lk-mishra', { display: 'Laxmi Kant Mishra' }, { currentEmployer: { name: 'HCL' } }),
  // Two alumni with one full name, told apart only by their tenures.
  alumnus('al-yamada-1', { display: '山田 太郎', kana: 'やまだ たろう', latin: 'Taro Yamada' }, { tenure: [{ from: '2012-04', to: '2018-03' }] }),
  alumnus('al-yamada-2', { display: '山田 太郎', kana: 'やまだ たろう', latin: 'Taro Yamada' }, { tenure: [{ from: '2001-04', to: '2004-09' }] }),
  alumnus('al-marcos', { display: 'Marcos Ruiz' }, { currentEmployer: { name: 'Audiense', organizationId: 'org-audiense' } }),
  alumnus('al-julien', { display: 'Julien Moreau' }, { currentEmployer: { name: 'Audiense Ltd' } }),
  alumnus('al-thomas', { display: 'Thomas Reed' }, { currentEmployer: { name: 'Spotify' } }),
  alumnus('al-priya', { display: 'Priya Raman' }),
];
const index = buildIndex(directory, [audiense]);

const li = (slug: string) => `https://www.linkedin.com/in/${slug}`;
const page = (pageKind: PageSignals['pageKind'], people: PersonSignal[], organizations: PageSignals['organizations'] = []): PageSignals => ({
  site: 'linkedin',
  pageKind,
  people,
  organizations,
});
const byRef = (matches: PagePersonMatch[]) => new Map(matches.map((m) => [m.ref, m]));
const kinds = (match: PagePersonMatch | undefined) => match?.evidence.map((e) => e.kind) ?? [];

describe('one alumnus is one person on a page', () => {
  it("keeps the profile's subject and takes the match from a side-rail member with another profile", () => {
    const profile = page('profile', [
      { name: 'Laxmi Kant Tiwari', headline: 'Senior Engineer at Infosys | ex-Sakura Digital', profileUrl: li('laxmi-kant-tiwari') },
      { name: 'Laxmi Kant', headline: 'Manager at Wipro', profileUrl: li('laxmi-kant-4821') },
    ]);
    const matches = index.matchPage(profile, SAKURA_DIGITAL);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ ref: 0, role: 'subject', alumnusId: 'al-lk-tiwari', confidence: 'likely' });
  });

  it('gives the alumnus to the person with the stronger evidence when the subject has only the name', () => {
    const profile = page('profile', [
      { name: 'Laxmi Kant Tiwari', profileUrl: li('laxmi-kant-tiwari-2') },
      { name: 'Laxmi Kant Tiwari', headline: 'ex-Sakura Digital', profileUrl: li('laxmi-kant-tiwari') },
    ]);
    const matches = index.matchPage(profile, SAKURA_DIGITAL);
    expect(matches.map((m) => [m.ref, m.alumnusId, m.confidence])).toEqual([[1, 'al-lk-tiwari', 'likely']]);
  });

  it('keeps both people possible when two alumni share their full name and nothing decides: the subject decides nothing for the other', () => {
    const profile = page('profile', [
      { name: '山田 太郎', profileUrl: li('taro-yamada-1a2b') },
      { name: 'Taro Yamada', headline: 'Engineer', profileUrl: li('taro-yamada-9f8e') },
    ]);
    const matches = byRef(index.matchPage(profile, SAKURA_DIGITAL));
    for (const ref of [0, 1]) {
      expect(matches.get(ref)?.confidence).toBe('possible');
      expect(['al-yamada-1', 'al-yamada-2']).toContain(matches.get(ref)?.alumnusId);
      expect(matches.get(ref)?.evidence).toContainEqual({ kind: 'name-shared', values: { count: 2 } });
    }
  });

  it('takes a namesake match from another person once the subject is told apart by dates', () => {
    const profile = page('profile', [
      { name: '山田 太郎', profileUrl: li('taro-yamada-1a2b'), experience: [{ organization: 'Sakura Digital', from: '2013-01', to: '2017-12' }] },
      { name: 'Taro Yamada', profileUrl: li('taro-yamada-9f8e') },
    ]);
    const matches = index.matchPage(profile, SAKURA_DIGITAL);
    expect(matches.map((m) => [m.ref, m.alumnusId, m.confidence])).toEqual([[0, 'al-yamada-1', 'confirmed']]);
  });

  it('says so when two listed people with different profiles fit one alumnus equally well', () => {
    const people = page(
      'company-people',
      [
        { name: 'Marcos Ruiz', profileUrl: li('marcosruiz') },
        { name: 'Marcos Ruiz', profileUrl: li('marcos-ruiz-77') },
      ],
      [{ name: 'Audiense', url: 'https://www.linkedin.com/company/audiense' }],
    );
    const matches = index.matchPage(people, SAKURA_DIGITAL);
    expect(matches).toHaveLength(2);
    for (const match of matches) {
      expect(match).toMatchObject({ alumnusId: 'al-marcos', confidence: 'possible' });
      expect(match.evidence).toContainEqual({ kind: 'page-namesakes', values: { alumnus: 'Marcos Ruiz', count: 2 } });
    }
  });

  it('lets names without a profile URL stand: they may be one person named twice', () => {
    const site = { ...page('org-website', [{ name: '山田太郎' }, { name: 'Taro Yamada' }], [{ name: 'Example', domain: 'example.com' }]), site: 'org-website' };
    expect(index.matchPage(site, SAKURA_DIGITAL)).toHaveLength(2);
  });

  it('treats the same profile listed twice as one person', () => {
    const search = page('search-people', [
      { name: 'Marcos Ruiz', profileUrl: li('marcosruiz'), currentOrganization: 'Audiense' },
      { name: 'Marcos Ruiz', profileUrl: `${li('marcosruiz')}/?trk=x`, currentOrganization: 'Audiense' },
    ]);
    expect(index.matchPage(search, SAKURA_DIGITAL).map((m) => m.confidence)).toEqual(['likely', 'likely']);
  });
});

describe("the page's own context as evidence", () => {
  const peopleTab = page(
    'company-people',
    [
      { name: 'Paul Whitaker', profileUrl: li('paulwhitaker') },
      { name: 'Marcos Ruiz', headline: 'Site Reliability Engineer @ Audiense', profileUrl: li('marcosruiz') },
      { name: 'Julien Moreau', profileUrl: li('julien-moreau-7d3f1a') },
      { name: 'Thomas Reed', headline: 'Head of Partnerships at Audiense', profileUrl: li('thomas-reed-3c9d1e7f') },
      { name: 'Priya Raman', profileUrl: li('priya-raman') },
    ],
    [{ name: 'Audiense', url: 'https://www.linkedin.com/company/audiense' }],
  );

  it("lifts an alumnus whose employer on file is the People tab's company to likely, and says where the page lists them", () => {
    const matches = byRef(index.matchPage(peopleTab, SAKURA_DIGITAL));
    expect(matches.has(0)).toBe(false);
    expect(matches.get(1)).toMatchObject({ alumnusId: 'al-marcos', confidence: 'likely', role: 'listed' });
    expect(matches.get(1)?.evidence).toContainEqual({ kind: 'listed-at-employer', values: { organization: 'Audiense', page: 'people-tab' } });
    expect(kinds(matches.get(1))).not.toContain('name-only');
    // On file as "Audiense Ltd", an alias of the organisation record.
    expect(matches.get(2)).toMatchObject({ alumnusId: 'al-julien', confidence: 'likely' });
  });

  it('says the page lists them elsewhere than the employer on file, without lifting them', () => {
    const matches = byRef(index.matchPage(peopleTab, SAKURA_DIGITAL));
    expect(matches.get(3)).toMatchObject({ alumnusId: 'al-thomas', confidence: 'possible' });
    expect(matches.get(3)?.evidence).toContainEqual({ kind: 'listed-elsewhere', values: { organization: 'Audiense', page: 'people-tab', employer: 'Spotify' } });
    expect(matches.get(4)).toMatchObject({ alumnusId: 'al-priya', confidence: 'possible' });
    expect(matches.get(4)?.evidence).toContainEqual({ kind: 'listed-elsewhere', values: { organization: 'Audiense', page: 'people-tab', employer: '' } });
  });

  it("reads a company page's employee list and an organisation's own website the same way", () => {
    const company = page('company', [{ name: 'Marcos Ruiz', profileUrl: li('marcosruiz') }], [{ name: 'Audiense', url: 'https://www.linkedin.com/company/audiense' }]);
    expect(index.matchPage(company, SAKURA_DIGITAL)[0]?.evidence).toContainEqual({ kind: 'listed-at-employer', values: { organization: 'Audiense', page: 'employees-list' } });
    const website = { ...page('org-website', [{ name: 'Julien Moreau' }], [{ name: 'Audiense', url: 'https://www.audiense.com', domain: 'www.audiense.com' }]), site: 'org-website' };
    expect(index.matchPage(website, SAKURA_DIGITAL)[0]).toMatchObject({
      alumnusId: 'al-julien',
      confidence: 'likely',
      evidence: expect.arrayContaining([{ kind: 'listed-at-employer', values: { organization: 'Audiense', page: 'website' } }]),
    });
  });

  it('finds the organisation by its record when the page calls it by another name', () => {
    const tab = page('company-people', [{ name: 'Marcos Ruiz', profileUrl: li('marcosruiz') }], [{ name: 'Audiense Group', url: 'https://www.linkedin.com/company/audiense/' }]);
    expect(index.matchPage(tab, SAKURA_DIGITAL)[0]).toMatchObject({ alumnusId: 'al-marcos', confidence: 'likely' });
  });

  it("gives a profile's side rail no employer: only lists say where people work", () => {
    const profile = page('profile', [
      { name: 'Paul Whitaker', profileUrl: li('paulwhitaker') },
      { name: 'Marcos Ruiz', profileUrl: li('marcosruiz') },
    ], [{ name: 'Audiense', url: 'https://www.linkedin.com/company/audiense' }]);
    const [rail] = index.matchPage(profile, SAKURA_DIGITAL);
    expect(rail).toMatchObject({ ref: 1, role: 'related', alumnusId: 'al-marcos', confidence: 'possible' });
    expect(kinds(rail)).not.toContain('listed-at-employer');
  });
});
