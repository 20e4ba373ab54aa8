import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOST_TAG } from '../../../utils/content/shadow-host';
import { forAdapter, runSiteScript } from '../../../utils/content/runtime';
import type { PageSettings, RequestOf } from '../../../utils/messaging/protocol';
import type { Send } from '../../../utils/messaging/client';
import { pageTables } from '../../../utils/i18n/page';
import { linkedinAdapter } from '../../../utils/sites/linkedin';
import { fakeWorker, type Replies } from '../components/render';
import { audienseMatch, sofiaForSales, sofiaMatch } from '../components/fixtures';
import { forgetPageUi, injectPageUi } from './page-ui-injection';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/linkedin', name), 'utf8');
const PROFILE = 'https://www.linkedin.com/in/sofia-andersson-reyes';
const COMPANY = 'https://www.linkedin.com/company/audiense';

const settings: PageSettings = { enabled: true, collapsed: false, highlightNames: true, lang: 'en', role: 'recruiter', configured: true, strings: pageTables.en };

type MatchReply = NonNullable<Replies['page:match']>;

/** Recognises Sofia by her profile URL and Audiense by name, like the real worker would. */
const byProfileUrl: MatchReply = ({ signals }) => ({
  people: signals.people.flatMap((p, ref) => (p.profileUrl?.includes('sofia-andersson-reyes') ? [{ ...sofiaMatch, ref }] : [])),
  organizations: signals.organizations.flatMap((o, ref) => (o.name === 'Audiense' ? [{ ...audienseMatch, ref }] : [])),
});

const recognisesNobody: MatchReply = () => ({ people: [], organizations: [] });

function worker(overrides: Partial<PageSettings> = {}, match: MatchReply = byProfileUrl) {
  return fakeWorker({
    'page:get-settings': () => ({ ...settings, ...overrides }),
    'page:set-collapsed': () => ({ ok: true }),
    'page:report-diagnostic': () => ({ ok: true }),
    'page:load-ui': injectPageUi,
    'page:match': match,
  });
}

/** Every shadow root the extension attaches, as only a privileged observer (this test) can see them. */
const attached: ShadowRoot[] = [];
const realAttachShadow = Element.prototype.attachShadow;

/** Puts a saved page in the test window under its real URL (without the iframes and stylesheets it would fetch). */
function loadPage(url: string, html: string) {
  setUrl(url);
  document.documentElement.innerHTML = html
    .replace(/^[\s\S]*?<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/i, '')
    .replace(/<iframe[\s\S]*?<\/iframe>/gi, '')
    .replace(/<link\b[^>]*>/gi, '');
}

/** Stands in for the worker's "synced data changed" message (utils/messaging/tab-events.ts). */
function dataChanges() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire: () => listeners.forEach((listener) => listener()),
    count: () => listeners.size,
  };
}

function startScript(send: ReturnType<typeof worker>['send'], changes = dataChanges(), maxRereads?: number) {
  const ctx = new ContentScriptContext('linkedin');
  contexts.push(ctx);
  return runSiteScript(ctx, {
    ...forAdapter(linkedinAdapter),
    send,
    anchorTimeoutMs: 200,
    onDataChanged: changes.subscribe,
    ...(maxRereads !== undefined ? { maxRereads } : {}),
  });
}

const contexts: ContentScriptContext[] = [];
/** happy-dom's handle on the test window, for moving it to another URL as a navigation would. */
const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
const hosts = () => document.querySelectorAll(HOST_TAG);
/** The shadow roots showing a sidebar (open or collapsed to its tab) on the page now. */
const sidebars = () => attached.filter((root) => root.host.isConnected && root.querySelector('.al-sidebar, .al-sidebar-tab'));
const sidebarText = () => attached.map((root) => root.textContent ?? '').join('\n');

beforeEach(() => {
  forgetPageUi();
  attached.length = 0;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = realAttachShadow.call(this, init);
    attached.push(root);
    return root;
  });
});

afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

/** A worker whose settings answer waits for `answer`: the page is read while it is out. */
function heldSettings(overrides: Partial<PageSettings>) {
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const w = fakeWorker({
    'page:get-settings': async () => {
      await answered;
      return { ...settings, ...overrides };
    },
    'page:load-ui': injectPageUi,
    'page:report-diagnostic': () => ({ ok: true }),
    'page:match': byProfileUrl,
  });
  return { ...w, answer };
}

describe('content runtime', () => {
  it.each([
    ['switched off', { enabled: false }],
    ['not configured', { configured: false }],
  ])('reads the page while the settings are out, yet a site %s still gets nothing and sends no match', async (_why, overrides) => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const w = heldSettings(overrides);
    const script = startScript(w.send);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = document.documentElement.outerHTML;
    w.answer();
    await script;
    // The page changes after the answer: nothing was left watching it, and nothing reads it again.
    document.querySelector('main')?.append(document.createElement('section'));
    const after = document.documentElement.outerHTML;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(w.calls.map((c) => c.type)).toEqual(['page:get-settings']);
    expect(hosts()).toHaveLength(0);
    expect(before).not.toContain(HOST_TAG);
    expect(document.documentElement.outerHTML).toBe(after);
  });

  it('asks whether the site is on before it reads the page, so the worker answers while the page is read', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const w = heldSettings({});
    const asksWhenRead: number[] = [];
    const extract = linkedinAdapter.extract.bind(linkedinAdapter);
    vi.spyOn(linkedinAdapter, 'extract').mockImplementation((...args) => {
      asksWhenRead.push(w.callsOf('page:get-settings').length);
      return extract(...args);
    });
    const script = startScript(w.send);
    await vi.waitFor(() => expect(asksWhenRead.length).toBeGreaterThan(0));
    w.answer();
    await script;
    expect(asksWhenRead[0]).toBe(1);
    await vi.waitFor(() => expect(sidebarText()).toContain('Kenji Watanabe'));
    // One question, not a second one once the page was read.
    expect(w.callsOf('page:get-settings')).toHaveLength(1);
  });

  it('matches what the page says once the site is on, when it changed after being read ahead', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const w = heldSettings({});
    const script = startScript(w.send);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Read ahead already; the app now shows her new name before the worker answers.
    document.querySelector('main h1')!.textContent = 'Sofia Lindqvist';
    document.title = document.title.replace('Sofia Andersson Reyes', 'Sofia Lindqvist');
    w.answer();
    await script;
    await vi.waitFor(() => expect(w.callsOf('page:match')).toHaveLength(1));
    const [asked] = w.callsOf('page:match') as Array<{ signals: { people: Array<{ name: string }> } }>;
    expect(asked!.signals.people[0]?.name).toBe('Sofia Lindqvist');
    await vi.waitFor(() => expect(sidebarText()).toContain('Kenji Watanabe'));
  });

  it('draws nothing from a match the protocol does not allow (an alumnus without names), and the card once the worker answers properly', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const w = worker();
    let tampered = true;
    // The content script reads only refs, confidences and alumnus ids; the rest of this answer is wrong.
    const send: Send = async (type, payload) => {
      if (type !== 'page:match' || !tampered) return w.send(type, payload);
      const answer = await w.send('page:match', payload as RequestOf<'page:match'>);
      return { ...answer, people: answer.people.map((person) => ({ ...person, alumnus: { id: person.alumnus.id } })) } as never;
    };
    const changes = dataChanges();
    await startScript(send, changes);
    await vi.waitFor(() => expect(debug).toHaveBeenCalledWith('[alumni-lens] the in-page UI refused a page result', expect.any(Error)));
    expect(sidebars()).toHaveLength(0);
    expect(sidebarText()).not.toContain('Sofia');
    tampered = false;
    changes.fire();
    await vi.waitFor(() => expect(sidebarText()).toContain('Kenji Watanabe'));
  });

  it('does nothing at all on a site the user switched off: no matching, no element', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const before = document.documentElement.outerHTML;
    const w = worker({ enabled: false });
    await startScript(w.send);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(w.calls.map((c) => c.type)).toEqual(['page:get-settings']);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('on a page it reads, adds the same two empty hosts whether or not anyone is recognised, and nothing else', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const before = document.body.innerHTML;
    const w = worker({}, recognisesNobody);
    await startScript(w.send);
    await vi.waitFor(() => expect(w.callsOf('page:match')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sidebars()).toHaveLength(0);
    const emptyHost = `<${HOST_TAG}></${HOST_TAG}>`;
    expect(document.body.innerHTML).toBe(before + emptyHost + emptyHost);
    // A profile usually has someone to show: its UI's code is fetched while it is matched, and draws nothing here.
    expect(w.callsOf('page:load-ui')).toEqual([{}]);
    contexts.splice(0).forEach((ctx) => ctx.notifyInvalidated());
    expect(document.body.innerHTML).toBe(before);

    // The same page with its alumna recognised: the UI is loaded into the same hosts, and the page sees exactly the same.
    const recognising = worker();
    await startScript(recognising.send);
    await vi.waitFor(() => expect(sidebarText()).toContain('Kenji Watanabe'));
    // The frame holds the UI fetched ahead above: it draws without asking the worker again.
    expect(recognising.callsOf('page:load-ui')).toEqual([]);
    expect(document.body.innerHTML).toBe(before + emptyHost + emptyHost);
  });

  it('reads nothing and wakes no worker on pages of a supported site it does not cover (the feed), until the app navigates to one it does', async () => {
    loadPage('https://www.linkedin.com/feed/', fixture('li-profile-public-2024.html'));
    const w = worker();
    const script = startScript(w.send);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(w.calls).toEqual([]);
    expect(hosts()).toHaveLength(0);

    // LinkedIn swaps in a profile without a load: now the script asks the worker and reads the page.
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    await script;
    await vi.waitFor(() => expect(sidebarText()).toContain('Sofia Andersson Reyes'), { timeout: 4000 });
    expect(w.calls[0]?.type).toBe('page:get-settings');
    expect(w.callsOf('page:match')).toHaveLength(1);
  });

  it('on a page where nobody is recognised and that rarely shows anyone (a company), never asks for the in-page UI', async () => {
    loadPage(COMPANY, fixture('li-company-public-2024.html'));
    const w = worker({}, recognisesNobody);
    await startScript(w.send);
    await vi.waitFor(() => expect(w.callsOf('page:match')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(w.callsOf('page:load-ui')).toEqual([]);
    expect(sidebars()).toHaveLength(0);
  });

  it('reports a layout it cannot read instead of guessing', async () => {
    setUrl(PROFILE);
    document.documentElement.innerHTML = '<head><title>LinkedIn</title></head><body><div>redesigned</div></body>';
    const w = worker();
    await startScript(w.send);
    await vi.waitFor(() => expect(w.callsOf('page:report-diagnostic')).toHaveLength(1));
    expect(w.callsOf('page:match')).toEqual([]);
    expect(sidebars()).toHaveLength(0);
  });

  it("shows a recognised alumnus in a closed shadow root the page's scripts cannot read", async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    await startScript(worker().send);
    await vi.waitFor(() => expect(sidebarText()).toContain('Kenji Watanabe'));

    expect(hosts()).toHaveLength(2);
    expect(attached.map((root) => root.mode)).toEqual(['closed', 'closed']);
    // What page code can reach: no shadow root, no attributes, no alumni data anywhere in the DOM.
    for (const host of hosts()) {
      expect(host.shadowRoot).toBeNull();
      expect(host.getAttributeNames()).toEqual([]);
      expect(host.textContent).toBe('');
      expect(host.innerHTML).toBe('');
    }
    expect(document.body.textContent).not.toContain('Kenji Watanabe');
    expect(document.body.textContent).not.toContain('Confirmed alumnus');
    // …while the user sees the card.
    expect(sidebarText()).toContain('Apr 2009 – Aug 2011');
    expect(sidebarText()).toContain('Confirmed alumnus');
  });

  it('follows single-page navigation: the old card goes, the new page is read', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const w = worker();
    await startScript(w.send);
    await vi.waitFor(() => expect(sidebarText()).toContain('Sofia Andersson Reyes'));

    // LinkedIn swaps the page without a load; the location watcher notices the new URL.
    loadPage(COMPANY, fixture('li-company-public-2024.html'));
    await vi.waitFor(() => expect(w.callsOf('page:match')).toHaveLength(2), { timeout: 4000 });
    const liveText = () => attached.filter((root) => root.host.isConnected).map((root) => root.textContent).join('\n');
    await vi.waitFor(() => expect(liveText()).toContain('Audiense'));
    const live = attached.filter((root) => root.host.isConnected);
    const text = live.map((root) => root.textContent).join('\n');
    expect(text).toContain('Audiense');
    expect(text).toContain('Marcos Ruiz');
    expect(text).not.toContain('Sofia Andersson Reyes');
  });

  it('never shows the previous alumnus under a new address while the app has not redrawn yet', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    // A worker that, like the real one, would recognise Sofia by her name on any profile.
    const byName = worker({}, ({ signals }) => ({
      people: signals.people.flatMap((p, ref) => (p.name === 'Sofia Andersson Reyes' ? [{ ...sofiaMatch, ref }] : [])),
      organizations: [],
    }));
    await startScript(byName.send);
    await vi.waitFor(() => expect(sidebarText()).toContain('Sofia Andersson Reyes'));

    // The address changes first; LinkedIn is still fetching the next profile, so her page stays drawn.
    setUrl('https://www.linkedin.com/in/arjun-mehta-4f8a21');
    await new Promise((resolve) => setTimeout(resolve, 1800));
    expect(sidebars()).toHaveLength(0);
    expect(byName.callsOf('page:match')).toHaveLength(1);

    // Then the new profile is drawn: it is read, and as he is no alumnus nothing is shown.
    loadPage('https://www.linkedin.com/in/arjun-mehta-4f8a21', fixture('li-profile-public-2024.html').replaceAll('Sofia', 'Arjun').replaceAll('Andersson Reyes', 'Mehta'));
    await vi.waitFor(() => expect(byName.callsOf('page:match')).toHaveLength(2), { timeout: 3000 });
    const [, second] = byName.callsOf('page:match') as Array<{ signals: { people: Array<{ name: string }> } }>;
    expect(second!.signals.people[0]!.name).toBe('Arjun Mehta');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sidebars()).toHaveLength(0);
  });

  it('never reads the next page under the previous address when the app swaps address and content at once', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const w = worker();
    const changes = dataChanges();
    await startScript(w.send, changes);
    await vi.waitFor(() => expect(sidebarText()).toContain('Kenji Watanabe'));

    // Address and content change together, and a sync ends at that moment (a reason to read again at
    // once), before the app's navigation is noticed.
    loadPage('https://www.linkedin.com/in/arjun-mehta-4f8a21', fixture('li-profile-public-2024.html').replaceAll('Sofia', 'Arjun').replaceAll('Andersson Reyes', 'Mehta'));
    changes.fire();
    await vi.waitFor(() => expect(w.callsOf('page:match')).toHaveLength(2), { timeout: 4000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const asked = (w.callsOf('page:match') as Array<{ signals: { people: Array<{ name: string; profileUrl?: string }> } }>).map(
      ({ signals }) => `${signals.people[0]!.name} ${signals.people[0]!.profileUrl}`,
    );
    expect(asked).toEqual(['Sofia Andersson Reyes https://www.linkedin.com/in/sofia-andersson-reyes', 'Arjun Mehta https://www.linkedin.com/in/arjun-mehta-4f8a21']);
    expect(sidebars()).toHaveLength(0);
  });

  it('puts its hosts back when the app redraws its body while the page is being read, so the card is seen', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    let answer: (() => void) | undefined;
    const w = worker({}, async (request) => {
      await new Promise<void>((resolve) => (answer = resolve));
      return byProfileUrl(request);
    });
    await startScript(w.send);
    await vi.waitFor(() => expect(w.callsOf('page:match')).toHaveLength(1));
    expect(hosts()).toHaveLength(2);
    // The app replaces its whole body (as some single-page apps do) before the worker answers.
    document.body.innerHTML = document.body.innerHTML.replaceAll(`<${HOST_TAG}></${HOST_TAG}>`, '');
    expect(hosts()).toHaveLength(0);
    answer!();
    await vi.waitFor(() => expect(sidebars()).toHaveLength(1));
    expect(sidebarText()).toContain('Kenji Watanabe');
  });

  it('reads a list again when more rows load, and badges the alumni among them', async () => {
    loadPage(COMPANY, fixture('li-company-public-2024.html'));
    const withRecruit = worker({}, async (request) => {
      const answer = await byProfileUrl(request);
      // "Karin Lind" (loaded later) is recognised by name, as Sofia's record stands in for her.
      const late = request.signals.people.findIndex((p) => p.name === 'Karin Lind');
      return late === -1 ? answer : { ...answer, people: [...answer.people, { ...sofiaMatch, ref: late }] };
    });
    await startScript(withRecruit.send);
    await vi.waitFor(() => expect(sidebarText()).toContain('Marcos Ruiz'));
    expect(sidebarText()).not.toContain('Sofia Andersson Reyes');

    // "Show more results": LinkedIn appends rows to the list.
    const row = [...document.querySelectorAll('main li')].find((li) => li.textContent?.includes('Paul Whitaker'))!;
    const more = row.cloneNode(true) as Element;
    more.innerHTML = more.innerHTML.replaceAll('Paul Whitaker', 'Karin Lind').replaceAll('paulwhitaker', 'karinlind');
    row.parentElement!.append(more);

    await vi.waitFor(() => expect(withRecruit.callsOf('page:match')).toHaveLength(2), { timeout: 3000 });
    await vi.waitFor(() => expect(sidebarText()).toContain('Sofia Andersson Reyes'));
    expect(hosts().length).toBeGreaterThan(0);
  });

  it('stops when the extension goes away: everything it drew is removed', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    await startScript(worker().send);
    await vi.waitFor(() => expect(sidebars()).toHaveLength(1));
    contexts[0]!.notifyInvalidated();
    expect(hosts()).toHaveLength(0);
  });

  it('a profile opened before the first sync shows its card when the sync ends, without a reload', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    let configured = false;
    const w = fakeWorker({
      'page:get-settings': () => ({ ...settings, configured, role: configured ? 'recruiter' : null }),
      'page:report-diagnostic': () => ({ ok: true }),
      'page:load-ui': injectPageUi,
      'page:match': byProfileUrl,
    });
    const changes = dataChanges();
    await startScript(w.send, changes);
    expect(w.callsOf('page:match')).toEqual([]);
    expect(hosts()).toHaveLength(0);

    // The options page saves the backend; the worker's first sync ends and it tells the open tabs.
    configured = true;
    changes.fire();
    await vi.waitFor(() => expect(sidebarText()).toContain('Kenji Watanabe'), { timeout: 4000 });
    expect(w.callsOf('page:get-settings')).toHaveLength(2);
  });

  it('a page already read is matched again when the synced data changes, though the page did not', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    let recognised = false;
    const w = worker({}, (request) => (recognised ? byProfileUrl(request) : recognisesNobody(request)));
    const changes = dataChanges();
    await startScript(w.send, changes);
    await vi.waitFor(() => expect(w.callsOf('page:match')).toHaveLength(1));
    expect(sidebars()).toHaveLength(0);

    recognised = true;
    changes.fire();
    await vi.waitFor(() => expect(sidebarText()).toContain('Kenji Watanabe'), { timeout: 4000 });
    expect(w.callsOf('page:match')).toHaveLength(2);
  });

  it('stops re-reading a page that never stops changing, yet still matches it again after a sync', async () => {
    loadPage(COMPANY, fixture('li-company-public-2024.html'));
    const w = worker({}, recognisesNobody);
    const changes = dataChanges();
    await startScript(w.send, changes, 2);
    await vi.waitFor(() => expect(w.callsOf('page:match')).toHaveLength(1));
    const extract = vi.spyOn(linkedinAdapter, 'extract');
    // The page changes what it says, again and again (a list that keeps growing).
    const list = document.querySelector('main')!;
    for (let i = 0; i < 5; i++) {
      list.insertAdjacentHTML('beforeend', `<li><a href="/in/grower-${i}/">Grower Number${'s'.repeat(i)}</a><p>Engineer</p></li>`);
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    expect(extract).toHaveBeenCalledTimes(2);
    const matched = w.callsOf('page:match').length;
    changes.fire();
    await vi.waitFor(() => expect(w.callsOf('page:match')).toHaveLength(matched + 1));
    expect(extract).toHaveBeenCalledTimes(3);
  }, 20_000);

  it('after a sync for a new token of another role, the open card is drawn again for that role', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    let role: PageSettings['role'] = 'sales';
    const w = fakeWorker({
      'page:get-settings': () => ({ ...settings, role }),
      'page:report-diagnostic': () => ({ ok: true }),
      'page:load-ui': injectPageUi,
      // The server sends rehire eligibility to recruiters only.
      'page:match': async (request) => {
        const reply = await byProfileUrl(request);
        return { ...reply, people: reply.people.map((person) => ({ ...person, alumnus: role === 'sales' ? sofiaForSales : person.alumnus })) };
      },
    });
    const changes = dataChanges();
    await startScript(w.send, changes);
    await vi.waitFor(() => expect(sidebarText()).toContain('Kenji Watanabe'), { timeout: 4000 });
    expect(sidebarText()).not.toContain('Eligible for rehire');

    role = 'recruiter';
    changes.fire();
    await vi.waitFor(() => expect(sidebarText()).toContain('Eligible for rehire'), { timeout: 4000 });
    expect(sidebars()).toHaveLength(1);
  });

  it('takes its card away when a sync finds the site switched off meanwhile', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    let enabled = true;
    const w = fakeWorker({
      'page:get-settings': () => ({ ...settings, enabled }),
      'page:report-diagnostic': () => ({ ok: true }),
      'page:load-ui': injectPageUi,
      'page:match': byProfileUrl,
    });
    const changes = dataChanges();
    await startScript(w.send, changes);
    await vi.waitFor(() => expect(sidebars()).toHaveLength(1), { timeout: 4000 });
    enabled = false;
    changes.fire();
    await vi.waitFor(() => expect(hosts()).toHaveLength(0), { timeout: 4000 });
  });

  it('stops listening for data changes when the extension goes away', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const changes = dataChanges();
    await startScript(worker().send, changes);
    expect(changes.count()).toBe(1);
    contexts[0]!.notifyInvalidated();
    expect(changes.count()).toBe(0);
  });

  it('2026 app: when the Experience section arrives after the top card, the open card updates in place', async () => {
    const url = 'https://www.linkedin.com/in/md-arif-chowdhury-5c3e71a24/';
    const base = readFileSync(join(import.meta.dirname, '../../fixtures/linkedin-2026/li-profile-newapp-2026.html'), 'utf8');
    const written = readFileSync(join(import.meta.dirname, '../../fixtures/linkedin-2026/written/li-profile-newapp-experience-2026.html'), 'utf8');
    const experience = /<section[^>]*ExperienceTopLevelSection"[\s\S]*?<\/section>/.exec(written)![0];
    loadPage(url, base);
    // Like the real engine: the name alone is a possible match; the name with a dated past employer confirms it.
    const w = worker({}, ({ signals }) => {
      const subject = signals.people[0]!;
      if (subject.name !== 'Md Arif Chowdhury') return { people: [], organizations: [] };
      const dated = subject.experience?.some((entry) => entry.organization === 'Rakuten' && entry.from);
      return { people: [{ ...sofiaMatch, ref: 0, confidence: dated ? 'confirmed' : 'possible', evidence: dated ? sofiaMatch.evidence : [] }], organizations: [] };
    });
    await startScript(w.send);
    await vi.waitFor(() => expect(sidebarText()).toContain('Possible alumnus'), { timeout: 10_000 });
    const [first] = w.callsOf('page:match') as Array<{ signals: { people: Array<{ experience?: unknown }> } }>;
    expect(first!.signals.people[0]!.experience).toBeUndefined();
    const hostBefore = sidebars()[0]!.host;
    // The user is on the card (keyboard focus on its collapse button) when Experience arrives.
    const root = attached.find((shadow) => shadow.querySelector('.al-sidebar'))!;
    const focused = root.querySelector<HTMLButtonElement>('.al-sidebar-header button')!;
    focused.focus();
    expect(root.activeElement).toBe(focused);

    // The app draws Experience into its lazy slot as the user scrolls.
    const slot = document.querySelector('[componentkey="profileCardsBelowActivityPart1md-arif-chowdhury-5c3e71a24"] [componentkey="profileCardsBelowActivityPart1md-arif-chowdhury-5c3e71a24"]')!;
    slot.insertAdjacentHTML('beforeend', experience);

    await vi.waitFor(() => expect(sidebarText()).toContain('Confirmed alumnus'), { timeout: 10_000 });
    const [, second] = w.callsOf('page:match') as Array<{ signals: { people: Array<{ experience?: Array<{ organization: string }> }> } }>;
    expect(second!.signals.people[0]!.experience?.map((entry) => entry.organization)).toContain('Rakuten');
    // The same sidebar, updated: not removed and drawn again.
    expect(sidebars()[0]!.host).toBe(hostBefore);
    expect(sidebarText()).not.toContain('Possible alumnus');
    // Focus stayed where the user left it.
    expect(root.activeElement).toBe(focused);
    expect(focused.isConnected).toBe(true);
  }, 30_000);
});

