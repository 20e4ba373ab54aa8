import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { PanelChange, PanelPlatform } from '../../../components/SidePanel/panel-platform';
import { SidePanel } from '../../../components/SidePanel/SidePanel';
import type { PanelTab, ResponseOf } from '../../../utils/messaging/protocol';
import { audienseMatch, marcos, sofiaMatch } from './fixtures';
import { byText, click, fakeWorker, renderUi } from './render';

// The browser's side panel, with the real components, a stand-in worker and a stand-in browser: which
// tab is active, which document each tab's content script belongs to.

afterEach(() => {
  document.body.innerHTML = '';
});

const sofiaTab: PanelTab = {
  token: 'doc-sofia-0001',
  url: 'https://www.linkedin.com/in/sofia-andersson-reyes/',
  site: 'linkedin',
  people: [{ ...sofiaMatch, role: 'subject' }],
  organizations: [],
  updatedAt: 1,
};
const listTab: PanelTab = {
  token: 'doc-list-0001',
  url: 'https://www.linkedin.com/company/audiense/people/',
  site: 'linkedin',
  people: [
    { ...sofiaMatch, alumnus: marcos, ref: 1, role: 'listed' },
    { ...sofiaMatch, ref: 2, role: 'listed' },
  ],
  organizations: [audienseMatch],
  updatedAt: 1,
};

/** A browser window with tabs: each tab's worker state and the token its content script answers with (null: none). */
function fakeBrowserWindow(tabs: Record<number, { state: PanelTab | null; token: string | null }>, active: number) {
  let listener: ((change: PanelChange) => void) | null = null;
  const revealed: Array<[number, string]> = [];
  const republished: number[] = [];
  let display: ResponseOf<'ui:panel-state'>['display'] = { mode: 'side-panel', locked: false };
  let lang: 'auto' | 'en' | 'ja' = 'auto';
  const platform: PanelPlatform = {
    windowId: async () => 1,
    activeTab: async () => active,
    watch: (_windowId, onChange) => {
      listener = onChange;
      return () => (listener = null);
    },
    ping: async (tabId) => tabs[tabId]?.token ?? null,
    republish: async (tabId) => void republished.push(tabId),
    reveal: async (tabId, alumnusId) => (revealed.push([tabId, alumnusId]), true),
    languageSetting: async () => lang,
    openOptions: vi.fn(async () => undefined),
  };
  let failures = 0;
  const worker = fakeWorker({
    'ui:panel-state': ({ tabId }) => {
      if (failures > 0 && failures--) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { display, role: 'recruiter', tab: tabs[tabId]?.state ?? null };
    },
    'page:outbox-status': () => [],
    'page:load-introductions': () => ({ introductions: [] }),
    // What the toolbar's popup shows, shown under the panel's sentence when the tab has nothing to show.
    'ui:get-status': () => ({
      me: { user: { name: 'Kenji Watanabe', role: 'recruiter' }, company: { name: 'Sakura Digital', aliases: [], domains: [] } },
      sync: { state: 'idle', lastSuccessAt: 1_780_000_000_000, lastError: null, progress: null },
      directorySize: 40,
      organizationsCount: 10,
      openOffers: 7,
      newOffers: 0,
      pendingOutbox: 1,
      failedOutbox: [],
      configSource: 'local',
    }),
  });
  const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  return {
    platform,
    send: worker.send,
    revealed,
    republished,
    settle,
    async change(change: PanelChange) {
      await act(() => listener?.(change));
      await settle();
    },
    setDisplay: (next: typeof display) => void (display = next),
    setLang: (next: typeof lang) => void (lang = next),
    /** The next `count` requests to the worker fail, as while it stops. */
    failNext: (count: number) => void (failures = count),
  };
}

async function renderPanel(browser: ReturnType<typeof fakeBrowserWindow>) {
  const view = await renderUi(<SidePanel platform={browser.platform} browserLanguage="en-GB" pollMs={60_000} />, { send: browser.send, strings: 'app' });
  await browser.settle();
  return view;
}

describe('SidePanel', () => {
  it("shows the active tab's alumna with the overlay's card, always open (the browser closes the panel)", async () => {
    const browser = fakeBrowserWindow({ 7: { state: sofiaTab, token: sofiaTab.token } }, 7);
    const { container, text } = await renderPanel(browser);
    expect(container.querySelector('aside')?.getAttribute('aria-label')).toBe('Alumni Lens: alumni on this page');
    expect(text()).toContain('Sofia Andersson Reyes');
    expect(text()).toContain('Confirmed alumnus');
    expect(text()).toContain('Apr 2009 – Aug 2011');
    expect(container.querySelector('button[aria-expanded]')).toBeNull();
    expect(container.querySelector('.al-intro-form')).not.toBeNull();
  });

  it('follows tab switches, and says plainly when the tab shows nothing it reads', async () => {
    const browser = fakeBrowserWindow({ 7: { state: sofiaTab, token: sofiaTab.token }, 8: { state: null, token: null } }, 7);
    const { container, text } = await renderPanel(browser);
    await browser.change({ kind: 'activated', tabId: 8 });
    expect(text()).not.toContain('Sofia');
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Nothing on this tab that Alumni Lens reads.');
    // …above what the toolbar's popup shows in in-page mode, as the button now opens this panel.
    await vi.waitFor(() => expect(text()).toContain('Signed in as Kenji Watanabe'));
    expect(text()).toContain('1 waiting to be sent');
    await browser.change({ kind: 'activated', tabId: 7 });
    expect(text()).toContain('Sofia Andersson Reyes');
  });

  it("shows nothing of a document the tab no longer shows, and asks the tab's script to publish again once", async () => {
    // The worker still holds the previous page's state; the tab now has another document of ours.
    const tabs = { 7: { state: sofiaTab as PanelTab | null, token: 'doc-newer-0002' as string | null } };
    const browser = fakeBrowserWindow(tabs, 7);
    const { text } = await renderPanel(browser);
    expect(text()).not.toContain('Sofia');
    expect(text()).toContain('Nothing on this tab that Alumni Lens reads.');
    expect(browser.republished).toEqual([7]);
    await browser.change({ kind: 'state' });
    expect(browser.republished).toEqual([7]);

    // It publishes: the panel shows it.
    tabs[7].state = { ...sofiaTab, token: 'doc-newer-0002' };
    await browser.change({ kind: 'state' });
    expect(text()).toContain('Sofia Andersson Reyes');

    // The tab navigates to a site Alumni Lens does not read: no script answers any more.
    tabs[7].token = null;
    await browser.change({ kind: 'tab-loading', tabId: 7 });
    expect(text()).not.toContain('Sofia');
  });

  it('lists the alumni found on a list page; a row opens the card and asks the page to scroll to that person', async () => {
    const browser = fakeBrowserWindow({ 7: { state: listTab, token: listTab.token } }, 7);
    const { container, text } = await renderPanel(browser);
    expect(text()).toContain('Audiense');
    const people = container.querySelector('section[aria-label="Alumni on this page"]')!;
    expect([...people.querySelectorAll('.al-person-row-name')].map((n) => n.textContent)).toEqual(['Marcos Ruiz', 'Sofia Andersson Reyes']);

    await click(people.querySelector('button[aria-label^="Marcos Ruiz, "][aria-label$="— show why"]')!);
    expect(browser.revealed).toEqual([[7, marcos.id]]);
    expect(container.querySelector('.al-person h2')?.textContent).toBe('Marcos Ruiz');
    expect(document.activeElement).toBe(container.querySelector('aside'));

    await click(byText(container, 'button', 'Back to the organisation'));
    expect(container.querySelector('.al-person')).toBeNull();
  });

  it("lists a profile's side-rail alumni under its subject's card, as there are no badges", async () => {
    const withRail: PanelTab = { ...sofiaTab, people: [...sofiaTab.people, { ...sofiaMatch, alumnus: marcos, ref: 3, role: 'related' }] };
    const browser = fakeBrowserWindow({ 7: { state: withRail, token: withRail.token } }, 7);
    const { container } = await renderPanel(browser);
    const rail = container.querySelector('section[aria-label="Also mentioned on this page"]')!;
    expect(rail.textContent).toContain('Marcos Ruiz');
    await click(rail.querySelector('button[aria-label^="Marcos Ruiz, "][aria-label$="— show why"]')!);
    expect(container.querySelector('.al-person h2')?.textContent).toBe('Marcos Ruiz');
    expect(browser.revealed).toEqual([[7, marcos.id]]);
  });

  it('asks again when the worker could not answer (it was stopping), rather than staying blank', async () => {
    const browser = fakeBrowserWindow({ 7: { state: sofiaTab, token: sofiaTab.token }, 8: { state: null, token: null } }, 8);
    const { text } = await renderPanel(browser);
    browser.failNext(1);
    await browser.change({ kind: 'activated', tabId: 7 });
    await vi.waitFor(() => expect(text()).toContain('Sofia Andersson Reyes'), { timeout: 2000 });
  });

  it('says when a page was read and nobody was recognised on it', async () => {
    const browser = fakeBrowserWindow({ 7: { state: { ...sofiaTab, people: [] }, token: sofiaTab.token } }, 7);
    const { text } = await renderPanel(browser);
    expect(text()).toContain('Alumni Lens read this page and recognised no alumni or organisations on it.');
  });

  it('in in-page mode, says where the cards are and how to change it (or that the policy decides)', async () => {
    const browser = fakeBrowserWindow({ 7: { state: null, token: null } }, 7);
    browser.setDisplay({ mode: 'in-page', locked: false });
    const { container, text } = await renderPanel(browser);
    expect(text()).toContain('Alumni Lens is set to show its cards in the page.');
    await click(byText(container, 'button', 'Options'));
    expect(browser.platform.openOptions).toHaveBeenCalled();

    browser.setDisplay({ mode: 'in-page', locked: true });
    await browser.change({ kind: 'state' });
    expect(text()).toContain('Set by your organisation’s policy');
  });

  it('speaks Japanese when the language is set to Japanese, switching without a reload', async () => {
    const browser = fakeBrowserWindow({ 7: { state: sofiaTab, token: sofiaTab.token }, 8: { state: null, token: null } }, 7);
    const { text } = await renderPanel(browser);
    browser.setLang('ja');
    await browser.change({ kind: 'state' });
    expect(text()).toContain('アルムナイ(確定)');
    expect(text()).toContain('2009年4月 〜 2011年8月');
    expect(document.documentElement.lang).toBe('ja');
    await browser.change({ kind: 'activated', tabId: 8 });
    expect(text()).toContain('このタブには Alumni Lens が読み取るページがありません。');
  });
});
