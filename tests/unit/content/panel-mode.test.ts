import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { forAdapter, runSiteScript } from '../../../utils/content/runtime';
import type { PageSettings, RequestOf } from '../../../utils/messaging/protocol';
import { linkedinAdapter } from '../../../utils/sites/linkedin';
import { pageTables } from '../../../utils/i18n/page';
import { marcos, sofiaMatch } from '../components/fixtures';
import { fakeWorker, type Replies } from '../components/render';

// The content runtime in side-panel mode: it reads the page as always, sends what it found to the worker
// for the browser's side panel, and adds nothing at all to the page.

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/linkedin', name), 'utf8');
const PROFILE = 'https://www.linkedin.com/in/sofia-andersson-reyes';
const COMPANY = 'https://www.linkedin.com/company/audiense';
const NOT_ALUMNUS = 'https://www.linkedin.com/in/arjun-mehta-4f8a21';

const settings: PageSettings = {
  enabled: true,
  collapsed: false,
  highlightNames: true,
  lang: 'en',
  role: 'recruiter',
  configured: true,
  strings: pageTables.en,
  display: 'side-panel',
};

/** Sofia by her profile URL, and Marcos by his in a company's list of employees. */
const recognise: NonNullable<Replies['page:match']> = ({ signals }) => ({
  people: signals.people.flatMap((p, ref) => {
    if (p.profileUrl?.includes('sofia-andersson-reyes')) return [{ ...sofiaMatch, ref }];
    if (p.profileUrl?.includes('marcosruiz')) return [{ ...sofiaMatch, alumnus: marcos, ref }];
    return [];
  }),
  organizations: [],
});

function worker() {
  return fakeWorker({
    'page:get-settings': () => settings,
    'page:match': recognise,
    'page:panel-show': () => ({ ok: true }),
    'page:panel-clear': () => ({ ok: true }),
    'page:report-diagnostic': () => ({ ok: true }),
  });
}

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
function loadPage(url: string, html: string) {
  setUrl(url);
  document.documentElement.innerHTML = html
    .replace(/^[\s\S]*?<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/i, '')
    .replace(/<iframe[\s\S]*?<\/iframe>/gi, '')
    .replace(/<link\b[^>]*>/gi, '');
}

const contexts: ContentScriptContext[] = [];
function startScript(send: ReturnType<typeof worker>['send']) {
  const ctx = new ContentScriptContext('linkedin');
  contexts.push(ctx);
  return runSiteScript(ctx, { ...forAdapter(linkedinAdapter), send, anchorTimeoutMs: 200 });
}

/** A message from the side panel (an extension page: no tab), as tabs.sendMessage delivers it. */
async function fromPanel(message: unknown, sender: object = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html` }) {
  const replies: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return replies.find((reply) => reply !== undefined);
}

let shadowRoots: number;
beforeEach(() => {
  fakeBrowser.reset();
  shadowRoots = 0;
  const real = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    shadowRoots++;
    return real.call(this, init);
  });
});
afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

describe('side-panel mode in the page', () => {
  it("publishes the profile's alumna for the panel and adds nothing to the page", async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const before = document.documentElement.outerHTML;
    const w = worker();
    await startScript(w.send);
    await vi.waitFor(() => expect(w.callsOf('page:panel-show')).toHaveLength(1));
    const [shown] = w.callsOf('page:panel-show') as Array<RequestOf<'page:panel-show'>>;
    expect(shown).toMatchObject({ url: PROFILE, site: 'linkedin' });
    expect(shown!.people.map((p) => [p.alumnus.names.display, p.role])).toEqual([['Sofia Andersson Reyes', 'subject']]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.documentElement.outerHTML).toBe(before);
    expect(shadowRoots).toBe(0);
  });

  it('answers the panel with the token it published, scrolls to a listed alumnus when asked, and listens to no one else', async () => {
    loadPage(COMPANY, fixture('li-company-public-2024.html'));
    const before = document.documentElement.outerHTML;
    const w = worker();
    await startScript(w.send);
    await vi.waitFor(() => expect(w.callsOf('page:panel-show')).toHaveLength(1));
    const [shown] = w.callsOf('page:panel-show') as Array<RequestOf<'page:panel-show'>>;
    expect(shown!.people.map((p) => [p.alumnus.names.display, p.role])).toEqual([['Marcos Ruiz', 'listed']]);

    expect(await fromPanel({ type: 'panel:ping' })).toEqual({ token: shown!.token });
    const scrolled: Element[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    expect(await fromPanel({ type: 'panel:reveal', alumnusId: marcos.id })).toEqual({ revealed: true });
    expect(scrolled).toHaveLength(1);
    expect(scrolled[0]!.textContent).toContain('Marcos Ruiz');
    expect(await fromPanel({ type: 'panel:reveal', alumnusId: 'someone-else' })).toEqual({ revealed: false });

    // Another tab's content script, or another extension, gets no answer.
    const tabSender = { id: fakeBrowser.runtime.id, url: COMPANY, tab: { id: 3 } };
    expect(await fromPanel({ type: 'panel:ping' }, tabSender)).toBeUndefined();
    expect(await fromPanel({ type: 'panel:ping' }, { id: 'another-extension' })).toBeUndefined();
    expect(await fromPanel({ type: 'panel:reveal', alumnusId: { $gt: '' } })).toBeUndefined();
    expect(scrolled).toHaveLength(1);
    expect(document.documentElement.outerHTML).toBe(before);

    // Asked to publish again (its state was overwritten), it sends the same results.
    await fromPanel({ type: 'panel:republish' });
    await vi.waitFor(() => expect(w.callsOf('page:panel-show')).toHaveLength(2));
    expect(w.callsOf('page:panel-show')[1]).toEqual(shown);
  });

  it('withdraws what it published when the app navigates to a page without alumni', async () => {
    loadPage(PROFILE, fixture('li-profile-public-2024.html'));
    const w = worker();
    await startScript(w.send);
    await vi.waitFor(() => expect(w.callsOf('page:panel-show')).toHaveLength(1));
    const [shown] = w.callsOf('page:panel-show') as Array<RequestOf<'page:panel-show'>>;

    loadPage(NOT_ALUMNUS, fixture('li-profile-public-2024.html').replaceAll('Sofia', 'Arjun').replaceAll('Andersson Reyes', 'Mehta'));
    await vi.waitFor(() => expect(w.callsOf('page:panel-clear')).toEqual([{ token: shown!.token }]), { timeout: 4000 });
    // The new page is read and published: nobody on it.
    await vi.waitFor(() => expect(w.callsOf('page:panel-show')).toHaveLength(2), { timeout: 4000 });
    expect((w.callsOf('page:panel-show')[1] as RequestOf<'page:panel-show'>).people).toEqual([]);
    expect(shadowRoots).toBe(0);
  });
});
