import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLazyPageUi } from '../../../utils/content/lazy-page-ui';
import type { CreatePageUi, PageUiOptions } from '../../../utils/content/page-ui';
import type { PageResults } from '../../../utils/content/page-view';
import { HOST_TAG } from '../../../utils/content/shadow-host';
import { pageI18n } from '../../../utils/i18n/page';
import { sofiaMatch } from '../components/fixtures';
import { fakeWorker } from '../components/render';

// The content script's side of in-page mode: the hosts come first and stay the same; the UI is loaded only
// for results with something in them, once, and draws into those same hosts.

const nobody: PageResults = { url: 'https://www.linkedin.com/in/x', people: [], organizations: [], highlights: [] };
const sofia: PageResults = { ...nobody, people: [{ ...sofiaMatch, ref: 0, role: 'subject', element: null }] };

/** A stand-in for the UI module: what it was created with and shown. */
function recordingUi() {
  const created: PageUiOptions[] = [];
  const shown: PageResults[] = [];
  const create: CreatePageUi = (options) => {
    created.push(options);
    return { show: (results) => void shown.push(results), clear: () => undefined, prepare: () => void options.hosts.sidebar() };
  };
  return { create, created, shown };
}

let session: AbortController;
beforeEach(() => {
  document.body.innerHTML = '<main>profile</main>';
  session = new AbortController();
});
afterEach(() => session.abort());

function lazyUi(load: () => Promise<CreatePageUi>, retryMs?: number) {
  return createLazyPageUi({ doc: document, i18n: pageI18n('en'), send: fakeWorker({}).send, site: 'linkedin', role: 'recruiter', collapsed: false, signal: session.signal, load, retryMs });
}

const emptyHosts = `<main>profile</main><${HOST_TAG}></${HOST_TAG}><${HOST_TAG}></${HOST_TAG}>`;

describe('the lazily loaded in-page UI', () => {
  it('adds the two empty hosts at once and loads nothing while nobody is recognised', async () => {
    const load = vi.fn(async () => recordingUi().create);
    const ui = lazyUi(load);
    ui.prepare();
    ui.show(nobody);
    ui.show(nobody, { refresh: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(load).not.toHaveBeenCalled();
    expect(document.body.innerHTML).toBe(emptyHosts);
  });

  it('loads the UI once for the first results with someone in them, into the same two hosts', async () => {
    const module = recordingUi();
    const load = vi.fn(async () => module.create);
    const ui = lazyUi(load);
    ui.prepare();
    const before = [...document.querySelectorAll(HOST_TAG)];
    ui.show(sofia);
    ui.show(sofia, { refresh: true });
    await vi.waitFor(() => expect(module.shown).toHaveLength(1));
    expect(load).toHaveBeenCalledTimes(1);
    expect(module.shown[0]).toBe(sofia);
    expect([module.created[0]!.hosts.sidebar()?.host, module.created[0]!.hosts.layer()?.host]).toEqual(before);
    expect(document.body.innerHTML).toBe(emptyHosts);
    // Loaded: what follows goes straight to it.
    ui.show(nobody, { refresh: true });
    expect(module.shown).toEqual([sofia, nobody]);
  });

  it('shows nothing when the UI cannot be loaded, and tries again with the next results', async () => {
    const module = recordingUi();
    const load = vi.fn().mockRejectedValueOnce(new Error('worker updating')).mockResolvedValue(module.create);
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const ui = lazyUi(load);
    ui.prepare();
    ui.show(sofia);
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(module.created).toEqual([]);
    expect(document.body.innerHTML).toBe(emptyHosts);
    ui.show(sofia, { refresh: true });
    await vi.waitFor(() => expect(module.shown).toEqual([sofia]));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('tries a failed load again on its own when the page is not read again, and gives up after three tries', async () => {
    const module = recordingUi();
    const load = vi.fn().mockRejectedValueOnce(new Error('worker restarting')).mockResolvedValue(module.create);
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const ui = lazyUi(load, 20);
    ui.prepare();
    ui.show(sofia);
    await vi.waitFor(() => expect(module.shown).toEqual([sofia]));
    expect(load).toHaveBeenCalledTimes(2);

    session.abort();
    session = new AbortController();
    document.body.innerHTML = '<main>profile</main>';
    const failing = vi.fn(() => Promise.reject(new Error('no worker')));
    lazyUi(failing, 20).show(sofia);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(failing).toHaveBeenCalledTimes(4);
  });

  it('creates nothing when the session ends while the UI loads, and its hosts go with it', async () => {
    const module = recordingUi();
    let loaded!: (create: CreatePageUi) => void;
    const ui = lazyUi(() => new Promise((resolve) => (loaded = resolve)));
    ui.prepare();
    ui.show(sofia);
    session.abort();
    loaded(module.create);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(module.created).toEqual([]);
    expect(document.body.innerHTML).toBe('<main>profile</main>');
  });

  it('forgets results the page no longer has while the UI loads, and draws nothing with it', async () => {
    const module = recordingUi();
    let loaded!: (create: CreatePageUi) => void;
    const ui = lazyUi(() => new Promise((resolve) => (loaded = resolve)));
    ui.prepare();
    ui.show(sofia);
    ui.clear();
    loaded(module.create);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(module.created).toEqual([]);
    expect(module.shown).toEqual([]);
  });

  it('loaded ahead, draws nothing until results with someone in them arrive, then draws them without loading again', async () => {
    const module = recordingUi();
    const load = vi.fn(async () => module.create);
    const ui = lazyUi(load);
    ui.prepare();
    ui.preload();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    ui.show(nobody);
    expect(module.created).toEqual([]);
    ui.show(sofia);
    expect(module.created).toHaveLength(1);
    expect(module.shown).toEqual([sofia]);
    ui.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
