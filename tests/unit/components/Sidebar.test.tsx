import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Sidebar } from '../../../components/Sidebar/Sidebar';
import { createSidebarStore, type SidebarState } from '../../../components/Sidebar/sidebar-store';
import { byText, click, fakeWorker, renderUi, type } from './render';
import { audienseMatch, audienseOffer, sofiaMatch } from './fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

function store(state: Partial<SidebarState>) {
  return createSidebarStore({
    people: [],
    organizations: [],
    role: 'recruiter',
    collapsed: false,
    selected: null,
    context: { site: 'linkedin', url: 'https://www.linkedin.com/in/sofia-andersson-reyes/' },
    ...state,
  });
}

async function pressEscape(target: Element) {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
}

describe('Sidebar', () => {
  it("opens a profile straight on its subject's card", async () => {
    const { container, text } = await renderUi(<Sidebar store={store({ people: [{ ...sofiaMatch, role: 'subject' }] })} />);
    expect(container.querySelector('aside')?.getAttribute('aria-label')).toBe('Alumni Lens: alumni on this page');
    expect(container.querySelector('h2')?.textContent).toBe('Sofia Andersson Reyes');
    expect(text()).toContain('Confirmed alumnus');
  });

  it('renders nothing at all when nothing was recognised, or only side-rail people were', async () => {
    const empty = await renderUi(<Sidebar store={store({})} />);
    expect(empty.container.innerHTML).toBe('');
    empty.unmount();
    const rail = await renderUi(<Sidebar store={store({ people: [{ ...sofiaMatch, role: 'related' }] })} />);
    expect(rail.container.innerHTML).toBe('');
  });

  it('collapses to a small labelled tab (Escape or the button), remembers it, and reopens', async () => {
    const onCollapsedChange = vi.fn();
    const sidebar = store({ people: [{ ...sofiaMatch, role: 'subject' }] });
    const { container, text } = await renderUi(<Sidebar store={sidebar} onCollapsedChange={onCollapsedChange} />);

    await pressEscape(container.querySelector('textarea')!);
    expect(onCollapsedChange).toHaveBeenLastCalledWith(true);
    const tab = container.querySelector('button[aria-expanded="false"]')!;
    expect(tab.getAttribute('aria-label')).toBe('Open the Alumni Lens panel (1 recognised)');
    expect(text()).not.toContain('Sofia');
    expect(document.activeElement).toBe(tab);

    await click(tab);
    expect(onCollapsedChange).toHaveBeenLastCalledWith(false);
    expect(text()).toContain('Sofia Andersson Reyes');

    await click(byText(container, 'button', 'Collapse the Alumni Lens panel'));
    expect(sidebar.get().collapsed).toBe(true);
  });

  it('opens the options page from its settings button', async () => {
    const worker = fakeWorker({ 'page:open-options': () => ({ ok: true }) });
    const { container } = await renderUi(<Sidebar store={store({ people: [{ ...sofiaMatch, role: 'subject' }] })} />, { send: worker.send });
    await click(byText(container, 'button', 'Settings'));
    expect(worker.callsOf('page:open-options')).toEqual([{}]);
  });

  it('starts collapsed when the site remembers it so', async () => {
    const { container } = await renderUi(<Sidebar store={store({ collapsed: true, people: [{ ...sofiaMatch, role: 'subject' }] })} />);
    expect(container.querySelector('[data-collapsed="true"]')).not.toBeNull();
    expect(container.querySelector('aside')).toBeNull();
  });

  it('shows a salesperson the alumni working at a company, with roles and owners, and opens one on click', async () => {
    const { container, text } = await renderUi(<Sidebar store={store({ role: 'sales', organizations: [audienseMatch] })} />);
    expect(text()).toContain('Alumni working here now');
    expect(text()).toContain('Marcos Ruiz');
    expect(text()).toContain('Head of Partnerships');
    expect(text()).toContain('Owner: Aiko Tanaka');
    expect(text()).toContain('Julien Moreau');
    expect(text()).toContain('Audience analytics pilot with Audiense');
    expect(text()).not.toContain("I'm interested");

    await click(byText(container, 'button', 'Show Marcos Ruiz'));
    expect(container.querySelector('h2')?.textContent).toBe('Marcos Ruiz');
    expect(text()).toContain('Log introduction');
    await click(byText(container, 'button', 'Back to the organisation'));
    expect(text()).toContain('Julien Moreau');
  });

  it('lists the alumni in search results and opens the one chosen', async () => {
    const people = [
      { ...sofiaMatch, role: 'listed' as const },
      { ...sofiaMatch, ref: 1, role: 'listed' as const, confidence: 'possible' as const, alumnus: audienseMatch.alumni[0]!, evidence: [] },
    ];
    const sidebar = store({ people });
    const { container, text } = await renderUi(<Sidebar store={sidebar} />);
    expect(text()).toContain('Alumni on this page');
    expect(text()).toContain('Possible alumnus');
    await act(() => sidebar.update({ selected: { alumnusId: 'E2001', ref: 0 } })); // what a badge click does
    expect(container.querySelector('h2')?.textContent).toBe('Sofia Andersson Reyes');
  });

  it("opens each person's own card and evidence when two people of the page are possible matches for one alumnus", async () => {
    const namesakes = { kind: 'page-namesakes' as const, values: { alumnus: 'Sofia Andersson Reyes', count: 2 } };
    const people = [
      { ...sofiaMatch, ref: 0, role: 'listed' as const, confidence: 'possible' as const, evidence: [...sofiaMatch.evidence.slice(1), namesakes] },
      {
        ...sofiaMatch,
        ref: 3,
        role: 'listed' as const,
        confidence: 'possible' as const,
        evidence: [{ kind: 'name-partial' as const, values: { pageName: 'Sofia Reyes', directoryName: 'Sofia Andersson Reyes', alumnus: 'Sofia Andersson Reyes' } }, namesakes],
      },
    ];
    const sidebar = store({ people });
    const { container, text } = await renderUi(<Sidebar store={sidebar} />);
    const rows = [...container.querySelectorAll('.al-person-row')].map((row) => row.getAttribute('aria-label'));
    expect(rows).toEqual(['Sofia Andersson Reyes, Possible alumnus — show why', 'Sofia Andersson Reyes, Possible alumnus — show why']);
    await act(() => sidebar.update({ selected: { alumnusId: 'E2001', ref: 3 } })); // the second person's badge
    expect(text()).toContain('The name “Sofia Reyes” matches part of Sofia Andersson Reyes’s name (Sofia Andersson Reyes).');
    expect(text()).toContain('2 people on this page could be Sofia Andersson Reyes; nothing on the page tells them apart.');
    expect(text()).not.toContain('Lists Sakura Digital');
    await click(byText(container, 'button', 'Back to the organisation'));
    await click(container.querySelectorAll<HTMLButtonElement>('.al-person-row')[0]!);
    expect(text()).toContain('Lists Sakura Digital');
  });

  it("lets an alumnus say they are interested in an offer, with a message, in Japanese", async () => {
    const worker = fakeWorker({
      'page:express-interest': () => ({ id: '3e1d2c4b-5a69-4788-9a0b-1c2d3e4f5a6b', kind: 'interest', state: 'queued', attempts: 0 }),
      'page:outbox-status': () => [],
    });
    const own = { ...audienseMatch, alumni: [], offers: [audienseOffer] };
    const { container, text } = await renderUi(<Sidebar store={store({ role: 'alumni', organizations: [own] })} />, {
      send: worker.send,
      lang: 'ja',
    });
    expect(text()).not.toContain('現在ここで働くアルムナイ');
    await click(byText(container, 'button', '興味があります'));
    await type(container.querySelector('textarea')!, 'データ分析の経験があります');
    await click(byText(container, 'button', '送信'));
    expect(worker.callsOf('page:express-interest')).toEqual([{ offerId: 'offer-1', message: 'データ分析の経験があります' }]);
    expect(text()).toContain('保存しました。バックエンドに接続でき次第送信します。');
  });
});
