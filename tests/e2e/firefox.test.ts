import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumnusId, introductionsFor, tokens } from './support/api';
import { eventually } from './support/closed-shadow';
import { elementsBeyondSource } from './support/page-state';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { screenshot } from './support/screenshots';
import { startFirefoxStory, type FirefoxStory } from './support/firefox/story';
import { newsPage, newsUrl } from './support/side-panel';
import { SIDEBAR } from './support/ui';

// The same stories in Debian's Firefox ESR, with the Firefox build (npm run build:firefox) installed as a
// temporary add-on: a recruiter's card on an alumna's profile, an introduction that survives a backend
// outage and arrives once, and side-panel mode (Firefox's sidebar) with nothing added to the page.

const pages = { ...linkedinPages, [newsUrl]: newsPage };

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
    expect(await shadow.attributes(sidebar, '.al-evidence li', 'data-code')).toContain('profile-url');
    await screenshot(page, 'firefox-sidebar-light-en');
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

describe('Firefox: side-panel mode', () => {
  const NOTHING_READ = 'Nothing on this tab that Alumni Lens reads.';
  const sidebarShows = (accept: (text: string) => boolean, what: string) =>
    eventually(
      async () => {
        const text = await story.firefox.sidebarText();
        return accept(text) ? text : undefined;
      },
      what,
      20_000,
      250,
    );

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
    expect(await story.firefox.sidebarAttributes('.al-evidence li', 'data-code')).toContain('profile-url');

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

  it('follows a tab switch, and says plainly when the tab shows nothing it reads', async () => {
    const sofiaTab = (await story.firefox.browser.pages()).find((p) => p.url() === linkedin.sofia)!;
    const { page: news, shadow } = await story.open(newsUrl);
    await news.bringToFront();
    await sidebarShows((t) => t.includes(NOTHING_READ) && !t.includes('Sofia'), 'the news tab: nothing read');
    expect(await shadow.hosts()).toEqual([]);
    await sofiaTab.bringToFront();
    await sidebarShows((t) => t.includes(englishTenure), 'her card again on her tab');
  });
});
