import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOST_TAG } from '../../../utils/content/shadow-host';
import { forAdapter, runSiteScript } from '../../../utils/content/runtime';
import type { PageSettings } from '../../../utils/messaging/protocol';
import { pageTables } from '../../../utils/i18n/page';
import { linkedinAdapter } from '../../../utils/sites/linkedin';
import { fakeWorker, type Replies } from '../components/render';
import { audienseMatch, sofiaMatch } from '../components/fixtures';

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

function startScript(send: ReturnType<typeof worker>['send']) {
  const ctx = new ContentScriptContext('linkedin');
  contexts.push(ctx);
  return runSiteScript(ctx, { ...forAdapter(linkedinAdapter), send, anchorTimeoutMs: 200 });
}

const contexts: ContentScriptContext[] = [];
/** happy-dom's handle on the test window, for moving it to another URL as a navigation would. */
const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
const hosts = () => document.querySelectorAll(HOST_TAG);
const sidebarText = () => attached.map((root) => root.textContent ?? '').join('\n');

beforeEach(() => {
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

describe('content runtime', () => {
  it('does nothing at all on a site the user switched off: no matching, no element', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const before = document.documentElement.outerHTML;
    const w = worker({ enabled: false });
    await startScript(w.send);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(w.calls.map((c) => c.type)).toEqual(['page:get-settings']);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('injects nothing on a page where nothing was recognised', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const before = document.documentElement.outerHTML;
    const w = worker({}, recognisesNobody);
    await startScript(w.send);
    await vi.waitFor(() => expect(w.callsOf('page:match')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hosts()).toHaveLength(0);
    expect(document.documentElement.outerHTML).toBe(before);
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
    expect(w.calls.map((c) => c.type).slice(0, 2)).toEqual(['page:get-settings', 'page:match']);
  });

  it('reports a layout it cannot read instead of guessing', async () => {
    setUrl(PROFILE);
    document.documentElement.innerHTML = '<head><title>LinkedIn</title></head><body><div>redesigned</div></body>';
    const w = worker();
    await startScript(w.send);
    await vi.waitFor(() => expect(w.callsOf('page:report-diagnostic')).toHaveLength(1));
    expect(w.callsOf('page:match')).toEqual([]);
    expect(hosts()).toHaveLength(0);
  });

  it("shows a recognised alumnus in a closed shadow root the page's scripts cannot read", async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    await startScript(worker().send);
    await vi.waitFor(() => expect(sidebarText()).toContain('Kenji Watanabe'));

    const [host] = hosts();
    expect(hosts()).toHaveLength(1);
    expect(attached[0]?.mode).toBe('closed');
    // What page code can reach: no shadow root, no attributes, no alumni data anywhere in the DOM.
    expect(host!.shadowRoot).toBeNull();
    expect(host!.getAttributeNames()).toEqual([]);
    expect(host!.textContent).toBe('');
    expect(host!.innerHTML).toBe('');
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
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
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
    expect(hosts()).toHaveLength(0);
    expect(byName.callsOf('page:match')).toHaveLength(1);

    // Then the new profile is drawn: it is read, and as he is no alumnus nothing is shown.
    loadPage('https://www.linkedin.com/in/arjun-mehta-4f8a21', fixture('li-profile-public-2024.html').replaceAll('Sofia', 'Arjun').replaceAll('Andersson Reyes', 'Mehta'));
    await vi.waitFor(() => expect(byName.callsOf('page:match')).toHaveLength(2), { timeout: 3000 });
    const [, second] = byName.callsOf('page:match') as Array<{ signals: { people: Array<{ name: string }> } }>;
    expect(second!.signals.people[0]!.name).toBe('Arjun Mehta');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hosts()).toHaveLength(0);
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
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    contexts[0]!.notifyInvalidated();
    expect(hosts()).toHaveLength(0);
  });
});
