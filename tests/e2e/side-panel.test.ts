import type { Page, SerializedAXNode } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumnusId, introductionsFor, tokens } from './support/api';
import { eventually } from './support/closed-shadow';
import { writeSettings } from './support/extension';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { elementsBeyondSource, extensionHosts, navigateInApp, type ClosedShadow } from './support/page-state';
import { screenshotsDir } from './support/paths';
import { screenshot } from './support/screenshots';
import { newsPage, newsUrl, panelText, popupTarget, pressToolbarButton, screenshotWithPanel, sidePanel } from './support/side-panel';
import { startStory, type Story } from './support/story';

// Side-panel mode in Chromium: a recruiter whose company wants nothing added to the pages it reads. The
// cards appear in the browser's side panel, which the toolbar button opens; the pages stay exactly as
// the sites sent them.

const pages = { ...linkedinPages, [newsUrl]: newsPage };

let story: Story;
let panel: Page;
let sofiaId: string;

beforeAll(async () => {
  // The browser speaks English: 'auto' (the language setting's default) must read as English in every story here.
  story = await startStory({ token: tokens.recruiter, pages, actionDebugging: true, lang: 'en-US' });
  sofiaId = await alumnusId(story.backend.url, 'Sofia Andersson Reyes');
  await writeSettings(await story.extension.worker(), { display: 'side-panel' });
});

afterAll(async () => {
  await story?.dispose();
});

const englishTenure = 'Apr 2009 – Aug 2011';
const NOTHING_READ = 'Nothing on this tab that Alumni Lens reads.';

/** Nothing at all added to the site's page: no element beyond its own HTML, no shadow root of ours. */
async function expectPageUntouched(page: Page, shadow: ClosedShadow) {
  expect(await extensionHosts(shadow)).toEqual([]);
  expect(await elementsBeyondSource(page)).toBe(0);
}

/** Every node of an accessibility snapshot. */
function flatten(node: SerializedAXNode | null): SerializedAXNode[] {
  return node ? [node, ...(node.children ?? []).flatMap(flatten)] : [];
}

describe('Side-panel mode in Chromium', () => {
  it("opens from the toolbar button and shows the alumna's card with its evidence, while nothing is added to her profile", async () => {
    const { page, shadow } = await story.open(linkedin.sofia);
    await pressToolbarButton(story.extension, page);
    panel = await sidePanel(story.extension);
    const text = await panelText(panel, (t) => t.includes(englishTenure), 'her card in the side panel');
    expect(text).toContain('Sofia Andersson Reyes');
    expect(text).toContain('Confirmed alumnus');
    expect(text).toContain('Kenji Watanabe');
    expect(await panel.$$eval('.al-evidence li', (items) => items.map((li) => li.getAttribute('data-kind')))).toContain('profile-url');
    expect(text).toMatch(/linkedin\.com\/in\/sofia-andersson-reyes/i);
    // The in-page card's collapse control has no place in the browser's panel.
    expect(await panel.$('.al-sidebar [aria-expanded]')).toBeNull();
    await expectPageUntouched(page, shadow);
    await screenshot(panel, 'side-panel-light-en');
    await screenshotWithPanel(story.extension, page, panel, 'side-panel-window-en');
  });

  it('reads in dark mode and in Japanese, as the overlay does', async () => {
    await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const background = await panel.$eval('.al-sidebar', (el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(27, 31, 35)');
    await screenshot(panel, 'side-panel-dark-en');

    // The language changes while the panel is open: it follows at once.
    await writeSettings(await story.extension.worker(), { lang: 'ja' });
    const text = await panelText(panel, (t) => t.includes('2009年4月 〜 2011年8月'), 'the Japanese card');
    expect(text).toContain('アルムナイ(確定)');
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('ja');
    await screenshot(panel, 'side-panel-dark-ja');
    const sofiaTab = (await story.extension.browser.pages()).find((p) => p.url() === linkedin.sofia)!;
    await screenshotWithPanel(story.extension, sofiaTab, panel, 'side-panel-window-dark-ja');
    await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await screenshot(panel, 'side-panel-light-ja');
    await writeSettings(await story.extension.worker(), { lang: 'auto' });
    await panelText(panel, (t) => t.includes(englishTenure), 'the English card again');
  });

  it('follows tab switches and single-page navigation, and says plainly when the tab shows nothing it reads', async () => {
    const sofiaTab = (await story.extension.browser.pages()).find((p) => p.url() === linkedin.sofia)!;
    const { page: news, shadow: newsShadow } = await story.open(newsUrl);
    await news.bringToFront();
    await panelText(panel, (t) => t.includes(NOTHING_READ) && !t.includes('Sofia'), 'the news tab: nothing read');
    // Under the sentence, what the toolbar's popup shows in in-page mode (the button opens this panel now).
    await panelText(panel, (t) => t.includes('Signed in as Kenji Watanabe'), "the popup's status in the panel");
    await screenshot(panel, 'side-panel-nothing-read');
    await expectPageUntouched(news, newsShadow);

    await sofiaTab.bringToFront();
    await panelText(panel, (t) => t.includes(englishTenure), 'her card again on her tab');

    // LinkedIn swaps in another profile without a load: he is no alumnus.
    await navigateInApp(sofiaTab, linkedin.arjun);
    await panelText(panel, (t) => t.includes('recognised no alumni or organisations') && !t.includes('Sofia'), 'nobody on his profile');
    await navigateInApp(sofiaTab, linkedin.sofia);
    await panelText(panel, (t) => t.includes(englishTenure), 'her card after navigating back');

    // A real navigation to a site Alumni Lens does not read.
    await sofiaTab.goto(newsUrl, { waitUntil: 'load' });
    await panelText(panel, (t) => t.includes(NOTHING_READ), 'nothing read after leaving LinkedIn');
    await news.close();
    await sofiaTab.close();
  });

  it('lists the alumni of a People tab; choosing one, by mouse or keyboard, scrolls the page to that person and opens the card', async () => {
    const { page, shadow } = await story.open(linkedin.audiensePeople);
    await page.setViewport({ width: 1100, height: 500 });
    await page.bringToFront();
    const text = await panelText(panel, (t) => t.includes('Marcos Ruiz') && t.includes('Julien Moreau'), 'the alumni of the list');
    expect(text).toContain('Audiense');
    expect(text).not.toContain('Paul Whitaker');
    await screenshot(panel, 'side-panel-people-tab');

    /** Where Julien Moreau's name is in the page's viewport (the site's own element). */
    const julienTop = () =>
      page.evaluate(() => {
        const name = Array.from(document.querySelectorAll('main .artdeco-entity-lockup__title')).find((el) => el.textContent?.includes('Julien Moreau'));
        return name ? { top: name.getBoundingClientRect().top, viewport: innerHeight } : null;
      });
    const before = await julienTop();
    expect(before!.top).toBeGreaterThan(before!.viewport);

    await panel.click('button[aria-label="Show Julien Moreau"]');
    await eventually(async () => {
      const now = await julienTop();
      return now && now.top >= 0 && now.top < now.viewport ? true : undefined;
    }, 'the page to scroll to Julien Moreau');
    await panelText(panel, (t) => t.includes('Julien Moreau') && !t.includes('Alumni on this page'), 'his card');

    // Keyboard only: back to the list, Tab to Marcos Ruiz's row, Enter.
    await panel.click('.al-sidebar-header button[aria-label="Back to the organisation"]');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await panel.keyboard.press('Tab');
      reached = await panel.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Show Marcos Ruiz');
    }
    expect(reached).toBe(true);
    await panel.keyboard.press('Enter');
    await panelText(panel, (t) => t.includes('Infrastructure'), "Marcos Ruiz's card");
    expect(await panel.evaluate(() => document.activeElement?.tagName)).toBe('ASIDE');

    // What a screen reader is given: the panel as a named landmark, the card's heading.
    const nodes = flatten(await panel.accessibility.snapshot());
    expect(nodes).toContainEqual(expect.objectContaining({ role: 'complementary', name: 'Alumni Lens: alumni on this page' }));
    expect(nodes).toContainEqual(expect.objectContaining({ role: 'heading', name: 'Marcos Ruiz' }));
    await expectPageUntouched(page, shadow);
    await page.close();
  });

  it('logs an introduction from the panel, and the backend holds exactly one', async () => {
    const { page } = await story.open(linkedin.sofia);
    await page.bringToFront();
    await panelText(panel, (t) => t.includes(englishTenure), 'her card');
    await panel.select('.al-intro-form select', 'referral');
    await panel.type('.al-intro-form textarea', 'Referred from the side panel');
    await panel.click('.al-intro-form button[type="submit"]');
    await panelText(panel, (t) => t.includes('Logged. The backend has it.'), 'the introduction to be sent');
    const held = await introductionsFor(story.backend.url, sofiaId);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ kind: 'referral', note: 'Referred from the side panel' });
    expect(held[0]?.context.url).toMatch(/^https:\/\/www\.linkedin\.com\/in\/sofia-andersson-reyes/);
    await page.close();
  });

  it("offers the choice on the options page, in the user's language", async () => {
    const options = await story.extension.newPage();
    await options.goto(`chrome-extension://${story.extension.extensionId}/options.html`, { waitUntil: 'load' });
    await options.waitForSelector('input[type="radio"][value="side-panel"]');
    expect(await options.$eval('input[type="radio"][value="side-panel"]', (input) => (input as HTMLInputElement).checked)).toBe(true);
    const section = (await options.$('section[aria-labelledby="al-display"]'))!;
    await section.scrollIntoView();
    await section.screenshot({ path: `${screenshotsDir}/options-display-en.png` });
    await options.select('.al-options-lang select', 'ja');
    await options.waitForFunction(() => document.body.innerText.includes('カードの表示場所'));
    await section.screenshot({ path: `${screenshotsDir}/options-display-ja.png` });
    await options.select('.al-options-lang select', 'auto');
    // Saved before the page goes: the next story reads the panel in the browser's language again.
    await options.waitForFunction(() => document.body.innerText.includes('Where cards appear'));
    const worker = await story.extension.worker();
    const savedLang = () =>
      worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { lang?: string } | undefined>> } } } };
        return (await chrome.storage.local.get('settings')).settings?.lang;
      });
    await eventually(async () => ((await savedLang()) === 'auto' ? true : undefined), 'the language setting saved as auto');
    await options.close();
  });

  it('back in in-page mode, the toolbar button opens the popup again and the panel says where the cards went', async () => {
    await writeSettings(await story.extension.worker(), { display: 'in-page' });
    await panelText(panel, (t) => t.includes('Alumni Lens is set to show its cards in the page.'), 'the in-page notice');
    const { page, shadow } = await story.open(linkedin.sofia);
    await eventually(async () => (await extensionHosts(shadow)).length > 0 || undefined, 'the in-page sidebar');
    await pressToolbarButton(story.extension, page);
    await eventually(async () => popupTarget(story.extension) ?? undefined, 'the popup to open');
    await page.close();
  });
});
