import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumnusId, introductionsFor, tokens } from './support/api';
import { eventually } from './support/closed-shadow';
import { elementsBeyondSource, navigateInApp } from './support/page-state';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { screenshot } from './support/screenshots';
import { startFirefoxStory, type FirefoxStory } from './support/firefox/story';
import { newsPage, newsUrl } from './support/side-panel';
import { SIDEBAR } from './support/ui';
import { HOST_TAG } from '../../utils/content/shadow-host';

// The same stories in Debian's Firefox ESR, with the Firefox build (npm run build:firefox) installed as a
// temporary add-on: a recruiter's card on an alumna's profile, an introduction that survives a backend
// outage and arrives once, and side-panel mode (Firefox's sidebar) with nothing added to the page.

const probeUrl = 'https://news.example.org/probe';
const pages = { ...linkedinPages, [newsUrl]: newsPage, [probeUrl]: { html: '<!doctype html><title>probe</title><p>probe</p>' } };

let story: FirefoxStory;
let sofiaId: string;

beforeAll(async () => {
  story = await startFirefoxStory({ token: tokens.recruiter, pages });
  sofiaId = await alumnusId(story.backend.url, 'Sofia Andersson Reyes');
});

afterAll(async () => {
  await story?.dispose();
});

const englishTenure = 'Apr 2009 – Aug 2011';

describe('Firefox: connecting', () => {
  it("was granted the backend's origin from the options page's Save, without a prompt in the test profile", async () => {
    const granted = await story.options.evaluate(
      (origin) => (globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } }).browser.permissions.contains({ origins: [origin] }),
      // The pattern the options page asks for (utils/config originPattern): the backend's scheme and host.
      `http://${new URL(story.backend.url).hostname}/*`,
    );
    expect(granted).toBe(true);
    expect((await story.firefox.send('ui:get-status', {})).me?.user.role).toBe('recruiter');
  });
});

describe('Firefox: a recruiter on the LinkedIn profile of an alumna', () => {
  it('sees her card: confirmed by her profile URL, with her tenure, department and relationship owner', async () => {
    const { page, shadow } = await story.open(linkedin.sofia);
    const text = await shadow.textOf(SIDEBAR, (t) => t.includes(englishTenure), 'her card in Firefox');
    expect(text).toContain('Sofia Andersson Reyes');
    expect(text).toContain('Design');
    expect(text).toContain('Confirmed alumnus');
    expect(text).toContain('Kenji Watanabe');
    const sidebar = (await shadow.hostWith(SIDEBAR))!;
    expect(sidebar.mode).toBe('closed');
    expect(await shadow.attributes(sidebar, '.al-evidence li', 'data-kind')).toContain('profile-url');
    await screenshot(page, 'firefox-sidebar-light-en');

    // Firefox's closed roots are closed to the page's own scripts too: they find no alumni data.
    const seenByPage = await page.evaluate((tag) => {
      const hosts = Array.from(document.querySelectorAll(tag));
      return {
        roots: hosts.map((host) => host.shadowRoot),
        leaked: ['Kenji Watanabe', 'Confirmed alumnus', 'Apr 2009 – Aug 2011'].filter((s) => document.documentElement.textContent!.includes(s)),
        attributes: hosts.flatMap((host) => host.getAttributeNames()),
      };
    }, HOST_TAG);
    expect(seenByPage).toEqual({ roots: [null], leaked: [], attributes: [] });
    await page.close();
  });
});

describe('Firefox: an introduction logged while the backend is down', () => {
  it('is kept, and arrives exactly once when the backend is back', async () => {
    const { page, shadow } = await story.open(linkedin.sofia);
    await shadow.textOf(SIDEBAR, (t) => t.includes(englishTenure), 'her card');
    const sidebar = (await shadow.hostWith(SIDEBAR))!;

    await story.backend.stop();
    await shadow.select(sidebar, '.al-intro-form select', 'rehire');
    await shadow.type(sidebar, '.al-intro-form textarea', 'Asked about coming back, from Firefox');
    await shadow.click(sidebar, '.al-intro-form button[type="submit"]');
    await shadow.textOf(SIDEBAR, (t) => t.includes('Saved. It will be sent to the backend as soon as it can be reached.'), 'the introduction to show as queued');
    expect(await shadow.attributes(sidebar, '.al-intro-form', 'data-state')).toEqual(['queued']);
    expect((await story.firefox.send('ui:get-status', {})).pendingOutbox).toBe(1);
    await screenshot(page, 'firefox-introduction-queued');

    // The worker retries on its own (an alarm): nothing is sent until the backend answers again.
    await story.backend.start();
    const arrived = await eventually(
      async () => {
        const held = await introductionsFor(story.backend.url, sofiaId);
        return held.length > 0 ? held : undefined;
      },
      'the queued introduction to reach the backend',
      150_000,
      1000,
    );
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ alumnusId: sofiaId, kind: 'rehire', note: 'Asked about coming back, from Firefox' });
    await shadow.textOf(SIDEBAR, (t) => t.includes('Logged. The backend has it.'), 'the card to say it arrived');
    await eventually(async () => ((await story.firefox.send('ui:get-status', {})).pendingOutbox === 0 ? true : undefined), 'an empty outbox', 30_000, 500);
    // Later retries or a sync never send it twice.
    await story.firefox.send('ui:sync-now', {});
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await introductionsFor(story.backend.url, sofiaId)).toHaveLength(1);
    await page.close();
  });
});

/** What a content script in this Firefox finds at browser.storage.session, asked through a probe add-on of its own. */
async function contentScriptSeesSessionStorage(story: FirefoxStory): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'e2e-probe-'));
  try {
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'session storage probe',
        version: '1',
        browser_specific_settings: { gecko: { id: 'session-probe@alumni-lens.test' } },
        // Like Alumni Lens: the storage API, and access to the page.
        permissions: ['storage'],
        host_permissions: [probeUrl],
        content_scripts: [{ matches: [probeUrl], js: ['probe.js'] }],
      }),
    );
    // The probe's own page: it writes its finding into the title, where the test reads it.
    await writeFile(join(dir, 'probe.js'), 'document.title = "local: " + typeof browser.storage.local + ", session storage: " + typeof browser.storage.session;');
    await story.firefox.browser.installExtension(dir);
    const page = await story.firefox.newPage();
    await page.goto(probeUrl, { waitUntil: 'load' });
    const title = await eventually(async () => ((await page.title()).startsWith('local: ') ? page.title() : undefined), 'the probe to report');
    await page.close();
    // The storage API is there (local storage, as for any content script with the permission), session storage not.
    expect(title).toMatch(/^local: object, /);
    return title.replace(/^local: object, session storage: /, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('Firefox: side-panel mode', () => {
  const NOTHING_READ = 'Nothing on this tab that Alumni Lens reads.';
  async function sidebarShows(accept: (text: string) => boolean, what: string): Promise<string> {
    let last = '';
    try {
      return await eventually(
        async () => {
          last = await story.firefox.sidebarText();
          return accept(last) ? last : undefined;
        },
        what,
        20_000,
        250,
      );
    } catch (error) {
      throw new Error(`${String(error)}\nThe sidebar shows:\n${last}`);
    }
  }

  it("chosen on the options page, the toolbar button opens Firefox's sidebar with the alumna's card, and nothing is added to her profile", async () => {
    await story.options.bringToFront();
    await story.options.click('input[type="radio"][value="side-panel"]');
    await eventually(async () => ((await story.firefox.send('ui:panel-state', { tabId: -1 })).display.mode === 'side-panel' ? true : undefined), 'the setting to be saved');

    const { page, shadow } = await story.open(linkedin.sofia);
    await story.firefox.pressToolbarButton();
    await eventually(async () => (await story.firefox.sidebarOpen()) || undefined, "Firefox's sidebar to open");
    const text = await sidebarShows((t) => t.includes(englishTenure), 'her card in the sidebar');
    expect(text).toContain('Sofia Andersson Reyes');
    expect(text).toContain('Confirmed alumnus');
    expect(text).toContain('Kenji Watanabe');
    expect(await story.firefox.sidebarAttributes('.al-evidence li', 'data-kind')).toContain('profile-url');

    // Nothing added to the page: no element beyond its own HTML, no shadow root at all.
    expect(await shadow.hosts()).toEqual([]);
    expect(await elementsBeyondSource(page)).toBe(0);

    await story.firefox.screenshotWindow('firefox-side-panel-light-en');
    await story.firefox.setColorScheme('dark');
    await eventually(async () => ((await story.firefox.sidebarStyle('.al-sidebar', 'background-color')) === 'rgb(27, 31, 35)' ? true : undefined), 'the dark sidebar');
    await story.firefox.screenshotWindow('firefox-side-panel-dark-en');
    await story.options.select('.al-options-lang select', 'ja');
    await sidebarShows((t) => t.includes('2009年4月 〜 2011年8月'), 'the Japanese card');
    await story.firefox.screenshotWindow('firefox-side-panel-dark-ja');
    await story.firefox.setColorScheme('light');
    await story.firefox.screenshotWindow('firefox-side-panel-light-ja');
    await story.options.select('.al-options-lang select', 'auto');
    await sidebarShows((t) => t.includes(englishTenure), 'the English card again');
  });

  it('follows tab switches and single-page navigation, and says plainly when the tab shows nothing it reads', async () => {
    const sofiaTab = (await story.firefox.browser.pages()).find((p) => p.url() === linkedin.sofia)!;
    const { page: news, shadow } = await story.open(newsUrl);
    await news.bringToFront();
    await sidebarShows((t) => t.includes(NOTHING_READ) && !t.includes('Sofia'), 'the news tab: nothing read');
    expect(await shadow.hosts()).toEqual([]);
    await sofiaTab.bringToFront();
    await sidebarShows((t) => t.includes(englishTenure), 'her card again on her tab');

    await navigateInApp(sofiaTab, linkedin.arjun);
    await sidebarShows((t) => t.includes('recognised no alumni or organisations') && !t.includes('Sofia'), 'nobody on his profile');
    await navigateInApp(sofiaTab, linkedin.sofia);
    await sidebarShows((t) => t.includes(englishTenure), 'her card after navigating back');
    await news.close();
  });

  it("lists a People tab's alumni; choosing one scrolls the page to that person (the panel asks the page's script)", async () => {
    const { page, shadow } = await story.open(linkedin.audiensePeople);
    await page.setViewport({ width: 1100, height: 500 });
    await sidebarShows((t) => t.includes('Marcos Ruiz') && t.includes('Julien Moreau'), 'the alumni of the list');
    const julienTop = () =>
      page.evaluate(() => {
        const name = Array.from(document.querySelectorAll('main .artdeco-entity-lockup__title')).find((el) => el.textContent?.includes('Julien Moreau'));
        return name ? { top: name.getBoundingClientRect().top, viewport: innerHeight } : null;
      });
    const before = await julienTop();
    expect(before!.top).toBeGreaterThan(before!.viewport);
    // BiDi cannot reach into Firefox's sidebar, so the row is clicked from the add-on's own page: the same
    // handler, and the same message from the sidebar to the tab's content script, as a mouse click.
    await story.firefox.clickInSidebar('button[aria-label="Show Julien Moreau"]');
    await eventually(async () => {
      const now = await julienTop();
      return now && now.top >= 0 && now.top < now.viewport ? true : undefined;
    }, 'the page to scroll to Julien Moreau');
    await sidebarShows((t) => t.includes('Head of Partnerships') && !t.includes('Alumni on this page'), 'his card');
    expect(await shadow.hosts()).toEqual([]);
    expect(await elementsBeyondSource(page)).toBe(0);
    await page.close();
  });

  it("keeps the panel's per-tab state in session storage, which Firefox gives no content script", async () => {
    // Where the state lives: the worker's session storage, read here from an extension page.
    const stored = await story.options.evaluate(async () => {
      const { storage } = (globalThis as unknown as { browser: { storage: { session: { get(k: string): Promise<Record<string, unknown>>; setAccessLevel?: unknown } } } }).browser;
      return { state: JSON.stringify(await storage.session.get('panelTabs')), accessLevels: typeof storage.session.setAccessLevel };
    });
    expect(stored.state).toContain('Sofia Andersson Reyes');
    // Chromium keeps session storage from content scripts by default (and could be told otherwise); Firefox
    // has no access levels at all — a content script of any add-on finds no session storage:
    expect(stored.accessLevels).toBe('undefined');
    expect(await contentScriptSeesSessionStorage(story)).toBe('undefined');
  });
});
