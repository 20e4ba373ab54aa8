import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Overview } from '../../utils/api/console';
import { consoleEn } from '../../utils/i18n/console-en';
import { consoleJa } from '../../utils/i18n/console-ja';
import { byText, click, type } from '../../tests/unit/components/render';
import { createConsoleApi } from '../src/api';
import { lastMonths } from '../src/pages/Overview';
import { fakeBackend, mount as mountIn, session, until } from './support';

const month = new Date().toISOString().slice(0, 7);
const overview: Overview = {
  introductionsByMonth: [
    { month, kind: 'referral', count: 3 },
    { month, kind: 'sales-introduction', count: 2 },
  ],
  offers: [{ id: 'o1', title: 'Mentor graduates', kind: 'project', status: 'open', interests: 4, meetings: 3 }],
  meetings: { requested: 10, accepted: 6, held: 4, deal: 2, followUp: 1, noDeal: 1, awaitingAnswer: 3, declined: 1, cancelled: 1 },
  employers: [{ name: '株式会社みらい銀行', count: 5 }],
  cohorts: [{ department: 'Engineering', year: 2018, count: 2 }],
  consent: { alumni: 10, recognition: 9, offers: 8 },
  showcases: { published: 3, unpublished: 1 },
  freshness: { clientsByDay: [], neverSynced: 1, outbox: { clientsReporting: 3, clientsWithFailures: 1, failed: 2, pending: 0 } },
};

let container: HTMLElement;
beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/admin/');
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  document.body.innerHTML = '';
});

const mount = (fetch: typeof globalThis.fetch) => mountIn(container, fetch);

describe('the console app', () => {
  it('without a session shows sign-in; a pasted token signs in, and changes then carry the CSRF token', async () => {
    const backend = fakeBackend({
      'GET /api/v1/session': () => ({ status: 401, body: { error: { code: 'unauthorized', message: 'Not signed in' } } }),
      'POST /api/v1/session': ({ body }) =>
        (body as { token: string }).token === 'good-token' ? { status: 201, body: session('admin') } : { status: 401, body: { error: { code: 'unauthorized', message: 'no' } } },
      'GET /api/v1/console/overview': () => ({ status: 200, body: overview }),
      'DELETE /api/v1/session': () => ({ status: 204 }),
    });
    await mount(backend.fetch);
    await until(() => container.querySelector('input[name="token"]'));
    expect(container.querySelector('h1')?.textContent).toBe('Sign in to the console');
    const field = container.querySelector<HTMLInputElement>('input[name="token"]')!;
    expect(field.type).toBe('password');
    expect(byText(container, 'label', /API token/).contains(field)).toBe(true);

    await type(field, 'bad-token');
    await click(byText(container, 'button', 'Sign in'));
    await until(() => container.querySelector('[role="alert"]'));
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('This token is not valid (it may have been revoked).');

    await type(container.querySelector<HTMLInputElement>('input[name="token"]')!, 'good-token');
    await click(byText(container, 'button', 'Sign in'));
    await until(() => container.textContent?.includes('Aiko Mori · Admin'));
    expect(container.textContent).toContain('Aiko Mori · Admin');
    expect(localStorage.length).toBe(0);

    await click(byText(container, 'button', 'Sign out'));
    await until(() => container.textContent?.includes('You are signed out.'));
    const signOut = backend.requests.find((r) => r.method === 'DELETE');
    expect(signOut?.headers.get('x-csrf-token')).toBe('csrf-123');
    expect(backend.requests.filter((r) => r.method === 'GET').every((r) => !r.headers.has('x-csrf-token'))).toBe(true);
    expect(container.textContent).toContain('You are signed out.');
  });

  it('draws each overview chart with a captioned table of its figures; "Show as table" shows it to everyone', async () => {
    const backend = fakeBackend({
      'GET /api/v1/session': () => ({ status: 200, body: session('admin') }),
      'GET /api/v1/console/overview': () => ({ status: 200, body: overview }),
    });
    await mount(backend.fetch);
    await until(() => container.querySelector('figure.chart'));
    const figures = [...container.querySelectorAll('figure.chart')];
    expect(figures.map((f) => f.querySelector('h2')?.textContent)).toEqual([
      'Introductions per month, by kind',
      'Meetings (商談): requested → accepted → held → deal',
      'Offers: the interests and meetings each drew',
      'Alumni by current organisation (top 20)',
      'Cohorts: alumni by leaving year and department',
      'Consent and showcases',
      'Data freshness: clients by the day they last synced',
    ]);
    const introductions = figures[0];
    expect(introductions.querySelector('.chart-drawing')?.getAttribute('aria-hidden')).toBe('true');
    const table = introductions.querySelector('table')!;
    expect(table.querySelector('caption')?.textContent).toBe('Introductions per month, by kind');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Month', 'Referral', 'Sales introduction', 'Total']);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent));
    expect(rows).toHaveLength(12);
    expect(rows.at(-1)).toEqual([expect.stringMatching(/\d{4}$/), '3', '2', '5']);
    expect(introductions.querySelector('.chart-summary')?.textContent).toBe('Introductions in the last 12 months: 5.');
    const rowsOf = (figure: Element) => [...figure.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent));
    // The funnel: every stage with the meetings that reached it, the rates and the rest in the summary.
    expect(rowsOf(figures[1])).toEqual([['Requested', '10'], ['Accepted', '6'], ['Held', '4'], ['Deal', '2']]);
    expect(figures[1].querySelector('.chart-summary')?.textContent).toBe(
      'Of 10 meetings requested, 6 were accepted (60%), 4 held (40%) and 2 ended in a deal (20%). Waiting for an answer: 3. Declined: 1. Cancelled: 1. Held without a deal: 1 to follow up, 1 with no deal.',
    );
    // Interests and meetings side by side, per offer.
    expect([...figures[2].querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Offer', 'Interests', 'Meetings']);
    expect(rowsOf(figures[2])).toEqual([['Mentor graduates', '4', '3']]);
    // Showcase publication next to the consent rates.
    expect(rowsOf(figures[5])).toEqual([['consent to recognition', '90%'], ['consent to offers', '80%'], ['published a showcase', '30%']]);
    expect(figures[5].querySelector('.chart-summary')?.textContent).toContain('Showcases: 3 published to staff, 1 kept private.');
    expect(container.textContent).toContain('Clients reporting their outbox: 3. With items the backend refused: 1 (2 items).');

    const toggle = byText(introductions, 'button', 'Show as table');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(table.parentElement?.classList.contains('sr-only')).toBe(true);
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(table.parentElement?.classList.contains('sr-only')).toBe(false);
  });

  it('a recruiter has no admin pages in the menu, and opening one by its address says why, in Japanese too', async () => {
    localStorage.setItem('alumni-lens.console.lang', 'ja');
    history.replaceState(null, '', '/admin/access');
    const backend = fakeBackend({
      'GET /api/v1/session': () => ({ status: 200, body: session('recruiter') }),
      'GET /api/v1/console/overview': () => ({ status: 200, body: { ...overview, consent: undefined, showcases: undefined, freshness: undefined } }),
    });
    await mount(backend.fetch);
    await until(() => container.querySelector('[role="alert"]'));
    expect([...container.querySelectorAll('nav a')].map((a) => a.textContent)).toEqual(['概要', 'アルムナイ', 'オファー', '組織']);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('このページは管理者用です。あなたのロール（採用担当）では開けません。');
    expect(backend.requests.some((r) => r.path.startsWith('/api/v1/admin/'))).toBe(false);
    expect(document.documentElement.lang).toBe('ja');
  });

  it('an ended session (401 on any request) returns to sign-in and says the session ended', async () => {
    let expired = false;
    const backend = fakeBackend({
      'GET /api/v1/session': () => ({ status: 200, body: session('admin') }),
      'GET /api/v1/console/overview': () =>
        expired ? { status: 401, body: { error: { code: 'session_expired', message: 'ended' } } } : { status: 200, body: overview },
      'GET /api/v1/console/alumni/facets': () => ({ status: 401, body: { error: { code: 'session_expired', message: 'ended' } } }),
      'GET /api/v1/console/alumni': () => ({ status: 401, body: { error: { code: 'session_expired', message: 'ended' } } }),
    });
    await mount(backend.fetch);
    await until(() => container.querySelector('nav a'));
    expired = true;
    await click(byText(container, 'nav a', 'Alumni'));
    await until(() => container.textContent?.includes('Your session ended.'));
    expect(container.querySelector('h1')?.textContent).toBe('Sign in to the console');
    expect(container.textContent).toContain('Your session ended. Sign in again.');
  });
});

describe('erasing an alumnus', () => {
  it('asks for the employee ID before it erases, sends the erasure with the CSRF token, and says so on the list', async () => {
    history.replaceState(null, '', '/admin/alumni/E77');
    const alumnus = {
      id: 'E77', names: { display: '消去 花子' }, tenure: [{ from: '2010-04', to: '2015-03' }], consent: { recognition: true, offers: true }, updatedAt: new Date().toISOString(),
    };
    const backend = fakeBackend({
      'GET /api/v1/session': () => ({ status: 200, body: session('admin') }),
      'GET /api/v1/console/alumni/E77': () => ({ status: 200, body: { alumnus, introductions: [], interests: [], meetings: [] } }),
      'DELETE /api/v1/admin/alumni/E77': () => ({ status: 204 }),
      'GET /api/v1/console/alumni/facets': () => ({ status: 200, body: { departments: [], leftYears: [] } }),
      'GET /api/v1/console/alumni': () => ({ status: 200, body: { alumni: [], total: 0, page: 1, pageSize: 50 } }),
    });
    await mount(backend.fetch);
    await until(() => container.querySelector('h1')?.textContent === '消去 花子');
    await click(byText(container, 'button', 'Erase this alumnus…'));
    const dialog = container.querySelector('dialog')!;
    const confirm = byText<HTMLButtonElement>(dialog, 'button', 'Erase');
    expect(confirm.disabled).toBe(true);
    await type(dialog.querySelector('input')!, 'E7');
    expect(confirm.disabled).toBe(true);
    await type(dialog.querySelector('input')!, 'E77');
    expect(confirm.disabled).toBe(false);
    await click(confirm);
    await until(() => container.textContent?.includes('The alumnus was erased.'));
    const erased = backend.requests.find((r) => r.method === 'DELETE');
    expect(erased?.headers.get('x-csrf-token')).toBe('csrf-123');
    expect(location.pathname).toBe('/admin/alumni');
    expect(container.querySelector('[role="status"].notice')?.textContent).toBe('The alumnus was erased.');
  });
});

describe('the console’s API client and helpers', () => {
  it('answers that break the contract are errors, not data', async () => {
    const backend = fakeBackend({ 'GET /api/v1/console/overview': () => ({ status: 200, body: { introductionsByMonth: 'lots' } }) });
    const api = createConsoleApi({ fetch: backend.fetch, csrfToken: () => undefined });
    await expect(api.overview()).rejects.toMatchObject({ code: 'contract' });
  });

  it('the overview’s months are the last twelve, oldest first, across a year boundary', () => {
    expect(lastMonths(new Date(Date.UTC(2027, 1, 15)))).toEqual([
      '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02',
    ]);
  });

  it('every English string has a Japanese one', () => {
    expect(Object.keys(consoleJa).sort()).toEqual(Object.keys(consoleEn).sort());
    for (const [key, value] of Object.entries(consoleJa)) expect(value.trim(), key).not.toBe('');
  });
});
