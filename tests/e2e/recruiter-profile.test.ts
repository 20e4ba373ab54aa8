import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumnusId, directory, introductionsFor, tokens } from './support/api';
import { eventually } from './support/closed-shadow';
import { writeSettings } from './support/extension';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { elementsBeyondSource, extensionHosts, navigateInApp } from './support/page-state';
import { fixturesDir } from './support/paths';
import { screenshot } from './support/screenshots';
import { startStory, type Story } from './support/story';
import { COLLAPSED_TAB, SIDEBAR, sidebarGone, sidebarShown, sidebarText } from './support/ui';

// A recruiter (demo-recruiter-token) browsing LinkedIn profiles. One backend and one browser for the file:
// the stories follow each other the way one person's session would.

let story: Story;
let sofiaId: string;

beforeAll(async () => {
  story = await startStory({ token: tokens.recruiter, pages: linkedinPages });
  sofiaId = await alumnusId(story.backend.url, 'Sofia Andersson Reyes');
});

afterAll(async () => {
  await story?.dispose();
});

const englishTenure = 'Apr 2009 – Aug 2011';

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
function luminance(color: string | null): number {
  const [r = 0, g = 0, b = 0] = (color?.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe('A recruiter on the LinkedIn profile of an alumna', () => {
  it('sees her card: confirmed by her profile URL, with her tenure, department and relationship owner', async () => {
    const { page, shadow } = await story.open(linkedin.sofia);
    const sidebar = await sidebarShown(shadow);
    const text = await sidebarText(shadow, (t) => t.includes(englishTenure), 'her tenure in the sidebar');
    expect(text).toContain('Sofia Andersson Reyes');
    expect(text).toContain('Design');
    expect(text).toContain('Confirmed alumnus');
    expect(text).toContain('Kenji Watanabe');
    expect(await shadow.attributes(sidebar, '.al-person', 'data-confidence')).toEqual(['confirmed']);
    // The evidence names the profile URL the directory holds for her.
    expect(await shadow.attributes(sidebar, '.al-evidence li', 'data-kind')).toContain('profile-url');
    expect(text).toMatch(/linkedin\.com\/in\/sofia-andersson-reyes/i);
    expect(luminance(await shadow.computedStyle(sidebar, SIDEBAR, 'background-color'))).toBeGreaterThan(0.75);
    await screenshot(page, 'sidebar-light-en');
    await page.close();
  });

  it('sees the same card in dark mode', async () => {
    const { page, shadow } = await story.open(linkedin.sofia);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await sidebarShown(shadow);
    await sidebarText(shadow, (t) => t.includes(englishTenure), 'her tenure in the dark sidebar');
    const sidebar = await sidebarShown(shadow);
    expect(luminance(await shadow.computedStyle(sidebar, SIDEBAR, 'background-color'))).toBeLessThan(0.25);
    await screenshot(page, 'sidebar-dark-en');
    await page.close();
  });

  it('reads the card in Japanese when the language is set to Japanese', async () => {
    await writeSettings(await story.extension.worker(), { lang: 'ja' });
    const { page, shadow } = await story.open(linkedin.sofia);
    const text = await sidebarText(shadow, (t) => t.includes('2009年4月 〜 2011年8月'), 'the Japanese tenure');
    expect(text).toContain('アルムナイ(確定)');
    await screenshot(page, 'sidebar-light-ja');
    await writeSettings(await story.extension.worker(), { lang: 'auto' });
    await page.close();
  });

  it('collapses the sidebar to a small tab, and LinkedIn pages stay collapsed until it is opened again', async () => {
    const { page, shadow } = await story.open(linkedin.sofia);
    const sidebar = await sidebarShown(shadow);
    await shadow.click(sidebar, '.al-sidebar-header button[aria-expanded="true"]');
    const tab = await eventually(() => shadow.hostWith(COLLAPSED_TAB), 'the collapsed tab');
    expect(await shadow.hostWith(SIDEBAR)).toBeUndefined();
    await screenshot(page, 'sidebar-collapsed');

    await page.reload({ waitUntil: 'load' });
    const afterReload = await eventually(() => shadow.hostWith(COLLAPSED_TAB), 'the collapsed tab after reloading');
    expect(await shadow.hostWith(SIDEBAR)).toBeUndefined();
    await shadow.click(afterReload, COLLAPSED_TAB);
    await sidebarShown(shadow);
    expect(tab.tag).toBe(afterReload.tag);
    await page.close();
  });

  it('logs a referral, sees it sent, and the backend holds exactly one introduction', async () => {
    const { page, shadow } = await story.open(linkedin.sofia);
    const sidebar = await sidebarShown(shadow);
    await shadow.select(sidebar, '.al-intro-form select', 'referral');
    await shadow.type(sidebar, '.al-intro-form textarea', 'Referred for the Design Systems lead role');
    await shadow.click(sidebar, '.al-intro-form button[type="submit"]');
    await sidebarText(shadow, (t) => t.includes('Logged. The backend has it.'), 'the introduction to be sent');
    expect(await shadow.attributes(sidebar, '.al-intro-form', 'data-state')).toEqual(['sent']);

    const held = await introductionsFor(story.backend.url, sofiaId);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ alumnusId: sofiaId, kind: 'referral', note: 'Referred for the Design Systems lead role' });
    expect(held[0]?.context.url).toMatch(/^https:\/\/www\.linkedin\.com\/in\/sofia-andersson-reyes/);
    // Nothing is sent twice, even after the worker's next retry tick.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await introductionsFor(story.backend.url, sofiaId)).toHaveLength(1);
    await page.close();
  });

  it('a script of the page finds no alumni data anywhere it can reach while the sidebar is shown', async () => {
    const { page, shadow } = await story.open(linkedin.sofia);
    await sidebarText(shadow, (t) => t.includes(englishTenure), 'the card');
    // Everything the extension knows that the page itself does not say: other alumni's names, her
    // relationship owner, her tenure as the card shows it.
    const source = await readFile(join(fixturesDir, 'linkedin/li-profile-loggedin-2024.html'), 'utf8');
    const alumni = await directory(story.backend.url);
    const secrets = [
      ...alumni.flatMap((a) => [a.names.display, a.names.latin].filter((n): n is string => Boolean(n))),
      'Kenji Watanabe',
      englishTenure,
      'Confirmed alumnus',
      'Alumni Lens',
    ].filter((secret) => !source.includes(secret));
    expect(secrets.length).toBeGreaterThan(30);

    // Runs in the page's main world, as LinkedIn's own scripts do.
    const found = await page.evaluate((needles: string[]) => {
      const texts: string[] = [];
      const visit = (root: Document | ShadowRoot | Element) => {
        for (const el of Array.from(root.querySelectorAll('*'))) {
          for (const attr of Array.from(el.attributes)) texts.push(attr.value);
          if (el.shadowRoot) {
            texts.push(el.shadowRoot.textContent ?? '');
            visit(el.shadowRoot);
          }
        }
      };
      texts.push(document.documentElement.textContent ?? '', document.body.innerText, document.title);
      visit(document);
      const haystack = texts.join('\n');
      return {
        hits: needles.filter((needle) => haystack.includes(needle)),
        openRoots: Array.from(document.querySelectorAll('*')).filter((el) => el.shadowRoot).length,
      };
    }, secrets);
    expect(found.hits).toEqual([]);
    // The sidebar is there (the DevTools protocol sees it), but its root is closed to the page.
    expect((await extensionHosts(shadow)).map((host) => host.mode)).not.toContain('open');
    expect(found.openRoots).toBe(0);
    await page.close();
  });
});

describe('A recruiter on the profile of someone who is not an alumnus', () => {
  it('sees nothing at all: no element is added to the page', async () => {
    // First the alumna's page, so we know the extension is working in this browser right now.
    const { page, shadow } = await story.open(linkedin.sofia);
    await sidebarShown(shadow);
    await page.goto(linkedin.arjun, { waitUntil: 'load' });
    // Give the content script time to read the page, ask the worker and decide.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await extensionHosts(shadow)).toEqual([]);
    expect(await elementsBeyondSource(page)).toBe(0);
    await screenshot(page, 'non-alumnus-nothing');
    await page.close();
  });
});

describe('Single-page navigation between profiles', () => {
  it('updates the sidebar when LinkedIn swaps the page without reloading', async () => {
    const { page, shadow } = await story.open(linkedin.arjun);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await extensionHosts(shadow)).toEqual([]);

    await navigateInApp(page, linkedin.sofia);
    await sidebarText(shadow, (t) => t.includes('Sofia Andersson Reyes') && t.includes(englishTenure), 'her card after navigating to her profile');

    await navigateInApp(page, linkedin.arjun);
    await sidebarGone(shadow, 'the sidebar to go away on a non-alumnus profile');
    await page.close();
  });
});
