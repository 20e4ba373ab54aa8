import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { tokens } from './support/api';
import { eventually } from './support/closed-shadow';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { screenshot } from './support/screenshots';
import { pressToolbarButton, screenshotWithPanel, sidePanel, panelText } from './support/side-panel';
import { startStory, type Story } from './support/story';
import { writeSettings } from './support/extension';
import { sidebarText } from './support/ui';

// The store listing's pictures (store/screenshots/, 1280×800 as the Chrome Web Store and AMO take them), made
// from real sessions: `npm run store:screenshots` runs this file and copies them over. Each is also a check
// that the scene shows what the listing says it shows.

const STORE_VIEWPORT = { width: 1280, height: 800 };
const stories: Story[] = [];
afterAll(async () => {
  for (const story of stories) await story.dispose();
});

async function storeShot(page: Page, name: string) {
  expect(page.viewport()).toMatchObject(STORE_VIEWPORT);
  await screenshot(page, `store-${name}`);
}

describe('Store screenshots', () => {
  it('a recruiter’s card on an alumna’s profile', async () => {
    const story = await startStory({ token: tokens.recruiter, pages: linkedinPages });
    stories.push(story);
    const { page, shadow } = await story.open(linkedin.sofia);
    await page.setViewport(STORE_VIEWPORT);
    await sidebarText(shadow, (t) => t.includes('Confirmed alumnus') && t.includes('Kenji Watanabe'), 'her card');
    await storeShot(page, '1-recruiter-card-en');
    await page.close();
  });

  it('badges next to the alumni on a People tab', async () => {
    const story = await startStory({ token: tokens.sales, pages: linkedinPages });
    stories.push(story);
    const { page, shadow } = await story.open(linkedin.audiensePeople);
    await page.setViewport(STORE_VIEWPORT);
    await eventually(async () => ((await shadow.hostWith('.al-marker[data-variant="badge"]')) ? true : undefined), 'the badges');
    await new Promise((resolve) => setTimeout(resolve, 500)); // badges follow the layout at the new size
    await storeShot(page, '2-people-tab-badges');
    await page.close();
  });

  it('the company’s offers for an alumnus, on the page of the organisation they concern', async () => {
    const story = await startStory({ token: tokens.alumni, pages: linkedinPages });
    stories.push(story);
    const { page, shadow } = await story.open(linkedin.audiense);
    await page.setViewport(STORE_VIEWPORT);
    await sidebarText(shadow, (t) => t.includes('Audience-insight dashboard for Audiense'), 'the offers about Audiense');
    await storeShot(page, '3-alumni-offers');
    await page.close();
  });

  it('side-panel mode: the card in the browser’s side panel, the profile untouched', async () => {
    const story = await startStory({ token: tokens.recruiter, pages: linkedinPages, actionDebugging: true });
    stories.push(story);
    await writeSettings(await story.extension.worker(), { display: 'side-panel' });
    const { page } = await story.open(linkedin.sofia);
    await pressToolbarButton(story.extension, page);
    const panel = await sidePanel(story.extension);
    await panelText(panel, (t) => t.includes('Confirmed alumnus') && t.includes('Kenji Watanabe'), 'her card in the panel');
    // The page and the panel side by side, 1280×800 in all (a 1 px seam between them).
    const panelWidth = 360;
    await panel.setViewport({ width: panelWidth, height: STORE_VIEWPORT.height });
    await page.setViewport({ width: STORE_VIEWPORT.width - panelWidth - 1, height: STORE_VIEWPORT.height });
    const path = await screenshotWithPanel(story.extension, page, panel, 'store-4-side-panel');
    const { width, height } = await sizeOf(path);
    expect({ width, height }).toEqual(STORE_VIEWPORT);
    await page.close();
  });
});

/** A PNG's size, from its header. */
async function sizeOf(path: string): Promise<{ width: number; height: number }> {
  const header = (await readFile(path)).subarray(16, 24);
  return { width: header.readUInt32BE(0), height: header.readUInt32BE(4) };
}
