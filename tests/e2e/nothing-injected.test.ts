import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './support/api';
import { writeSettings } from './support/extension';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { elementsBeyondSource, extensionHosts } from './support/page-state';
import { startStory, type Story } from './support/story';
import { sidebarShown } from './support/ui';

// "Nothing at all is injected on sites that are not supported or turned off."

const articleNamingAlumni = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Design leaders to watch</title></head>
<body><main><h1>Design leaders to watch</h1>
<p>Sofia Andersson Reyes (Spotify), Marcos Ruiz and Julien Moreau (Audiense) and 山田 太郎 spoke at the conference.</p>
</main></body></html>`;

const pages = {
  ...linkedinPages,
  // An unsupported news site, and a client's website whose domain the user never granted.
  'https://news.example.org/design-leaders': { html: articleNamingAlumni },
  'https://www.audiense.com/about': { html: articleNamingAlumni.replace('Design leaders to watch', 'About Audiense') },
};

let story: Story;

beforeAll(async () => {
  story = await startStory({ token: tokens.recruiter, pages });
});

afterAll(async () => {
  await story?.dispose();
});

/** Lets any content script run, ask the worker and render (it would have by now on a supported page). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));

describe('Where Alumni Lens injects nothing', () => {
  it('on an unsupported site and on an organisation website it was not granted, even when alumni are named', async () => {
    // The extension is working in this browser: the alumna's profile gets its sidebar.
    const { page, shadow } = await story.open(linkedin.sofia);
    await sidebarShown(shadow);

    for (const url of ['https://news.example.org/design-leaders', 'https://www.audiense.com/about']) {
      await page.goto(url, { waitUntil: 'load' });
      await settle();
      expect(await extensionHosts(shadow), url).toEqual([]);
      expect(await elementsBeyondSource(page), url).toBe(0);
    }
    await page.close();
  });

  it('on LinkedIn once LinkedIn is switched off in the settings, and again once it is switched back on', async () => {
    await writeSettings(await story.extension.worker(), { sites: { linkedin: false } });
    const { page, shadow } = await story.open(linkedin.sofia);
    await settle();
    expect(await extensionHosts(shadow)).toEqual([]);

    await writeSettings(await story.extension.worker(), { sites: { linkedin: true } });
    await page.reload({ waitUntil: 'load' });
    await sidebarShown(shadow);
    await page.close();
  });
});
