import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting, Offer } from '../../utils/api';
import type { AlumnusDetail, Overview } from '../../utils/api/console';
import { byText, click } from '../../tests/unit/components/render';
import { fakeBackend, mount, session, until } from './support';

// Business matching in the console: an alumnus's showcase and meetings, meetings per offer, the funnel as a
// recruiter sees it, and the meetings export.

const at = '2026-11-02T01:00:00.000Z';

const heldMeeting: Meeting = {
  id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e04',
  alumnusId: 'E2005',
  alumnusName: 'Hannah Schmidt',
  offerId: 'o1',
  offerTitle: 'Audience-insight dashboard',
  requestedBy: { side: 'alumnus', name: 'Hannah Schmidt' },
  status: 'held',
  proposedTimes: ['2026-11-18T08:00:00.000Z'],
  scheduledAt: '2026-11-18T08:00:00.000Z',
  outcome: 'deal',
  history: [
    { id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e04', type: 'request', side: 'alumnus', by: 'Hannah Schmidt', at, times: ['2026-11-18T08:00:00.000Z'], text: 'Happy to scope it.' },
    { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c02', type: 'accept', side: 'staff', by: 'Aiko Mori', at, times: ['2026-11-18T08:00:00.000Z'] },
    { id: '2c7e9b14-5d3a-4f61-8e2b-7c9d0a1b2c03', type: 'held', side: 'staff', by: 'Aiko Mori', at, outcome: 'deal', text: 'Kick-off in January.' },
  ],
  yourPart: ['admin'],
  createdAt: at,
  updatedAt: at,
};

const waitingMeeting: Meeting = {
  ...heldMeeting,
  id: '8f1d3a52-6a0e-4c1b-9f7e-1a2b3c4d5e01',
  status: 'requested',
  awaiting: 'staff',
  proposedTimes: ['2027-01-12T01:00:00.000Z', '2027-01-13T06:00:00.000Z'],
  scheduledAt: undefined,
  outcome: undefined,
  history: [heldMeeting.history[0]!],
};

const detail: AlumnusDetail = {
  alumnus: {
    id: 'E2005',
    names: { display: 'Hannah Schmidt', latin: 'Hannah Schmidt' },
    tenure: [{ from: '2015-01', to: '2019-04', department: 'Data Science' }],
    consent: { recognition: true, offers: true },
    showcase: {
      businessName: 'Nordlicht Analytics',
      offering: 'Dashboards for marketing teams.',
      lookingFor: 'Audience-insight partners',
      tags: { skills: ['Data visualisation', 'TypeScript'], industries: [], services: ['Dashboards'] },
      website: 'https://nordlicht-analytics.example',
      sharedContact: { email: 'hannah@nordlicht-analytics.example' },
      published: true,
      updatedAt: at,
    },
    updatedAt: at,
  },
  introductions: [],
  meetings: [heldMeeting, waitingMeeting],
};

const offer: Offer = {
  id: 'o1',
  title: 'Audience-insight dashboard',
  summary: 'Build it with us.',
  kind: 'project',
  skills: [],
  status: 'open',
  contact: { name: 'Aiko Mori' },
  updatedAt: at,
};

const overview: Overview = {
  introductionsByMonth: [],
  offers: [{ id: 'o1', title: offer.title, kind: 'project', status: 'open', meetings: 2 }],
  meetings: { requested: 2, accepted: 0, held: 0, deal: 0, followUp: 0, noDeal: 0, awaitingAnswer: 2, declined: 0, cancelled: 0 },
  employers: [],
  cohorts: [],
};

let container: HTMLElement;
beforeEach(() => {
  localStorage.clear();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  document.body.innerHTML = '';
});

const rowsOf = (table: Element) => [...table.querySelectorAll('tbody > tr')].map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).textContent?.trim()));

describe('business matching in the console', () => {
  it("an alumnus's page shows their published showcase and their meetings, each with its history behind a disclosure", async () => {
    history.replaceState(null, '', '/admin/alumni/E2005');
    const backend = fakeBackend({
      'GET /api/v1/session': () => ({ status: 200, body: session('admin') }),
      'GET /api/v1/console/alumni/E2005': () => ({ status: 200, body: { ...detail, interests: [] } }),
    });
    await mount(container, backend.fetch);
    await until(() => container.querySelector('table.meetings'));
    const showcase = container.querySelector('section[aria-labelledby="showcase"]')!;
    expect(showcase.querySelector('h2')?.textContent).toBe('Showcase: what they do now');
    expect(showcase.textContent).toContain('Nordlicht Analytics');
    expect([...showcase.querySelectorAll('ul.tags li')].map((li) => li.textContent)).toEqual(['Data visualisation', 'TypeScript', 'Dashboards']);
    expect(showcase.textContent).toContain('hannah@nordlicht-analytics.example');

    const meetings = container.querySelector('section[aria-labelledby="meetings"]')!;
    expect(meetings.textContent).not.toContain('the meetings you take part in');
    const table = meetings.querySelector('table.meetings')!;
    expect(table.querySelector('caption')?.textContent).toBe('Meetings (商談)');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Offer', 'Status', 'When', 'Requested by', 'History']);
    const [held, waiting] = rowsOf(table);
    expect(held.slice(0, 2)).toEqual(['Audience-insight dashboard', 'Held · deal']);
    expect(held[3]).toBe('Hannah Schmidt (alumnus)');
    expect(waiting[1]).toBe('Requested · waiting for the company');
    expect(waiting[2]).toMatch(/^Proposed: 12 Jan 2027, \d\d:00; 13 Jan 2027, \d\d:00$/);
    const steps = table.querySelector('details')!;
    expect(steps.open).toBe(false);
    expect(steps.querySelector('summary')?.textContent).toBe('History (3 steps)');
    expect([...steps.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Hannah Schmidt asked for a meeting · .*Happy to scope it\.$/),
      expect.stringMatching(/^Aiko Mori accepted · /),
      expect.stringMatching(/^Aiko Mori recorded it as held · .* · deal.*Kick-off in January\.$/),
    ]);
  });

  it('a recruiter sees that only the meetings they take part in are shown, and an alumnus without a showcase says so', async () => {
    history.replaceState(null, '', '/admin/alumni/E2005');
    const backend = fakeBackend({
      'GET /api/v1/session': () => ({ status: 200, body: session('recruiter') }),
      'GET /api/v1/console/alumni/E2005': () => ({ status: 200, body: { ...detail, alumnus: { ...detail.alumnus, showcase: undefined }, meetings: [] } }),
    });
    await mount(container, backend.fetch);
    await until(() => container.querySelector('section[aria-labelledby="meetings"]'));
    expect(container.textContent).toContain('No published showcase.');
    expect(container.textContent).toContain('Shown: the meetings you take part in');
    expect(container.textContent).toContain('No meetings.');
  });

  it("the offers page counts each offer's meetings and lists them on request, naming the alumni with links to them", async () => {
    history.replaceState(null, '', '/admin/offers');
    const backend = fakeBackend({
      'GET /api/v1/session': () => ({ status: 200, body: session('recruiter') }),
      'GET /api/v1/offers': () => ({ status: 200, body: { offers: [offer], removed: [], cursor: 'c', complete: true } }),
      'GET /api/v1/organizations': () => ({ status: 200, body: { organizations: [], removed: [], cursor: 'c', complete: true } }),
      'GET /api/v1/console/overview': () => ({ status: 200, body: overview }),
      'GET /api/v1/console/offers/o1/meetings': () => ({ status: 200, body: { meetings: [waitingMeeting] } }),
    });
    await mount(container, backend.fetch);
    await until(() => container.querySelector('tbody tr'));
    // A recruiter reads no interests, but the meetings they take part in.
    expect([...container.querySelectorAll('thead th')].map((th) => th.textContent)).not.toContain('Interests');
    const button = byText<HTMLButtonElement>(container, 'button', 'Meetings (2)');
    expect(button.getAttribute('aria-label')).toBe('Meetings (2): Audience-insight dashboard');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await click(button);
    await until(() => container.querySelector('table.meetings'));
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const table = container.querySelector('table.meetings')!;
    expect(table.querySelector('caption')?.textContent).toBe('Meetings about “Audience-insight dashboard”');
    const link = table.querySelector<HTMLAnchorElement>('tbody th a')!;
    expect(link.textContent).toBe('Hannah Schmidt');
    expect(link.getAttribute('href')).toBe('/admin/alumni/E2005');
    expect(backend.requests.map((r) => r.path)).toContain('/api/v1/console/offers/o1/meetings');
  });

  it("a recruiter's overview names the funnel as theirs and draws meetings per offer without interests", async () => {
    history.replaceState(null, '', '/admin/');
    const backend = fakeBackend({
      'GET /api/v1/session': () => ({ status: 200, body: session('recruiter') }),
      'GET /api/v1/console/overview': () => ({ status: 200, body: overview }),
    });
    await mount(container, backend.fetch);
    await until(() => container.querySelector('figure.chart'));
    const titles = [...container.querySelectorAll('figure.chart h2')].map((h) => h.textContent);
    expect(titles).toContain('Your meetings (商談): requested → accepted → held → deal');
    const offers = [...container.querySelectorAll('figure.chart')].find((f) => f.querySelector('h2')?.textContent === 'Offers: the interests and meetings each drew')!;
    expect([...offers.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Offer', 'Meetings']);
    expect(offers.querySelector('.chart-summary')?.textContent).toBe('Open offers: 1. Meetings about them that you take part in: 2.');
  });

  it('the export page offers meetings as CSV beside introductions and interests, in Japanese too', async () => {
    localStorage.setItem('alumni-lens.console.lang', 'ja');
    history.replaceState(null, '', '/admin/export');
    const backend = fakeBackend({ 'GET /api/v1/session': () => ({ status: 200, body: session('admin') }) });
    await mount(container, backend.fetch);
    await until(() => container.querySelector('ul.downloads a'));
    const links = [...container.querySelectorAll<HTMLAnchorElement>('ul.downloads a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['紹介（CSV）', '/api/v1/admin/exports/introductions.csv'],
      ['関心（CSV）', '/api/v1/admin/exports/interests.csv'],
      ['商談（CSV）', '/api/v1/admin/exports/meetings.csv'],
    ]);
  });
});
