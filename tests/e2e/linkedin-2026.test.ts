import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './support/api';
import { startBackend, type Backend } from './support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { ClosedShadow, eventually } from './support/closed-shadow';
import { configureExtension, ExtensionControl, writeSettings } from './support/extension';
import { fixture, startFixtureSite, type FixtureSite } from './support/fixture-site';
import { extensionHosts } from './support/page-state';
import { fixturesDir } from './support/paths';
import { screenshot } from './support/screenshots';
import { SIDEBAR, sidebarShown, sidebarText } from './support/ui';

// LinkedIn as it is served in 2026, in Debian's Chromium with the built extension: the 2026 app's profile
// (a real capture, served as www.linkedin.com) opened before the extension was even configured shows its
// card when the first sync ends, without a reload; a fresh tab shows it at once; the Experience section the
// app draws later upgrades the card in place; a results page whose every name is UI text is reported on the
// options page with what each way of reading found.

const ARIF = 'https://www.linkedin.com/in/md-arif-chowdhury-5c3e71a24/';
const TARO = 'https://www.linkedin.com/in/yamada-taro-mirai/';
const HIDDEN_SEARCH = 'https://www.linkedin.com/search/results/people/?keywords=sakura';

let backend: Backend;
let site: FixtureSite;
let extension: ExtensionBrowser;
/** The Japanese 2026-app profile's Experience card, which the app draws into its lazy column late. */
let experienceCard: string;

/** The alumnus of the real capture, added to the demo company's directory with his profile URL on file. */
const ARIF_CSV = [
  'employee_id,display_name,latin,profile_urls,tenure_from,tenure_to,department,current_employer,consent_recognition,consent_offers,rehire_eligible,owner_name',
  `E3001,Md Arif Chowdhury,Md Arif Chowdhury,${ARIF.replace(/\/$/, '')},2019-04,2022-03,Engineering,Deloitte,yes,yes,yes,Kenji Watanabe`,
].join('\n');

/** An Ember results page where every result is a hidden member or shows only its presence text. */
function hiddenResults(): string {
  const card = (i: number, text: string, href: string) =>
    `<li class="reusable-search__result-container"><div class="entity-result" data-chameleon-result-urn="urn:li:member:${i}"><a class="app-aware-link" href="${href}"><span class="visually-hidden">${text}</span></a><span class="entity-result__title-text"><a class="app-aware-link" href="${href}"><span aria-hidden="true">${text}</span></a></span><div class="entity-result__primary-subtitle">Engineer</div></div></li>`;
  const rows = [
    ...Array.from({ length: 3 }, (_, i) => card(i, 'LinkedIn Member', `https://www.linkedin.com/in/ACoAAB${i}00hidden/`)),
    ...Array.from({ length: 7 }, (_, i) => card(10 + i, 'Status is offline', `https://www.linkedin.com/in/member-${i}/`)),
  ];
  return `<!doctype html><html lang="en"><head><title>"sakura" | Search | LinkedIn</title></head><body><main><h1 class="visually-hidden">Search results</h1><ul>${rows.join('')}</ul></main></body></html>`;
}

beforeAll(async () => {
  backend = await startBackend();
  const imported = await fetch(`${backend.url}/api/v1/admin/alumni/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'text/csv; charset=utf-8' },
    body: ARIF_CSV,
  });
  if (!imported.ok) throw new Error(`import answered ${imported.status}: ${await imported.text()}`);

  const japanese = await readFile(join(fixturesDir, 'linkedin-2026/written/li-profile-newapp-ja-2026.html'), 'utf8');
  const section = /<section[^>]*ExperienceTopLevelSection"[\s\S]*?<\/section>/.exec(japanese);
  if (!section) throw new Error('no Experience card in the Japanese 2026 profile');
  experienceCard = section[0];
  site = await startFixtureSite(['www.linkedin.com'], {
    [ARIF]: fixture('linkedin-2026/li-profile-newapp-2026.html'),
    // As the app first draws it: the top card, the Experience card not yet there.
    [TARO]: { html: japanese.replace(experienceCard, '') },
    [HIDDEN_SEARCH]: { html: hiddenResults() },
  });
  extension = await launchWithExtension({ hosts: ['www.linkedin.com'], sitePort: site.port, lang: 'en-US' });
});

afterAll(async () => {
  await extension?.dispose();
  await site?.close();
  await backend?.dispose();
});

async function open(url: string): Promise<{ page: Page; shadow: ClosedShadow }> {
  const page = await extension.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { page, shadow: await ClosedShadow.attach(page) };
}

describe('LinkedIn in 2026', () => {
  it('a profile opened before the extension was configured shows its card when the first sync ends, without a reload', async () => {
    const { page, shadow } = await open(ARIF);
    // A mark in the page's own world: a reload would wipe it.
    await page.evaluate(() => ((window as unknown as { loadedOnce: number }).loadedOnce = 1));
    let loads = 0;
    page.on('load', () => loads++);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await extensionHosts(shadow)).toEqual([]);

    await configureExtension(extension, { apiUrl: backend.url, token: tokens.recruiter });
    const text = await sidebarText(shadow, (t) => t.includes('Md Arif Chowdhury') && t.includes('Confirmed alumnus'), 'his card after the first sync', 30_000);
    expect(text).toContain('Kenji Watanabe');
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: number }).loadedOnce)).toBe(1);
    expect(loads).toBe(0);
    await screenshot(page, 'linkedin-2026-profile-after-first-sync');
    await shadow.detach();
    await page.close();
  });

  it('a fresh tab on the 2026-app profile (no <h1>, no data island) shows the card at once', async () => {
    const { page, shadow } = await open(ARIF);
    const sidebar = await sidebarShown(shadow);
    const text = await sidebarText(shadow, (t) => t.includes('Confirmed alumnus'), 'his confirmed card');
    expect(text).toContain('Md Arif Chowdhury');
    expect(await shadow.attributes(sidebar, '.al-evidence li', 'data-kind')).toContain('profile-url');
    await shadow.detach();
    await page.close();
  });

  it('when the app draws Experience after the top card, the same card is upgraded in place', async () => {
    const { page, shadow } = await open(TARO);
    // The top card alone says who it is, not that he worked here: a possible alumnus by name.
    await sidebarText(shadow, (t) => t.includes('山田 太郎') && t.includes('Possible alumnus'), 'the possible match from the top card');
    const before = await shadow.hostWith(SIDEBAR);
    let loads = 0;
    page.on('load', () => loads++);

    // The app fills its lazy column as the user scrolls (through a Trusted Types policy the page's CSP allows, as its own code does).
    await page.evaluate((card) => {
      const policy = (window as unknown as { trustedTypes: { createPolicy(name: string, rules: { createHTML(html: string): string }): { createHTML(html: string): string } } }).trustedTypes.createPolicy('jSecure', {
        createHTML: (html) => html,
      });
      const slots = document.querySelectorAll('[componentkey^="profileCardsBelowActivityPart1"]');
      (slots[slots.length - 1] ?? document.querySelector('main'))!.insertAdjacentHTML('beforeend', policy.createHTML(card));
    }, experienceCard);

    const text = await sidebarText(shadow, (t) => /Confirmed alumnus|Likely alumnus/.test(t), 'the card upgraded by his dated roles at Sakura Digital', 20_000);
    expect(text).toContain('山田 太郎');
    expect(text).not.toContain('Possible alumnus');
    const after = await shadow.hostWith(SIDEBAR);
    expect(after?.rootBackendId).toBe(before?.rootBackendId);
    expect(loads).toBe(0);
    await screenshot(page, 'linkedin-2026-experience-arrived');
    await shadow.detach();
    await page.close();
  });

  it('a results page whose every name is UI text is reported on the options page: the kind, what each way of reading found, why names were refused', async () => {
    const { page, shadow } = await open(HIDDEN_SEARCH);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await extensionHosts(shadow)).toEqual([]);
    await shadow.detach();
    await page.close();

    const control = await ExtensionControl.open(extension);
    const report = await eventually(async () => {
      const { unrecognised } = await control.send('ui:get-diagnostics', {});
      return unrecognised.find((row) => row.pageKind === 'search-people');
    }, 'the diagnostic for the results page');
    await control.close();
    expect(report.layers).toEqual({ structured: 0, anchors: 10, memberLinks: 20, rejected: { placeholder: 3, presence: 7 } });

    const shots: Array<['en' | 'ja', 'light' | 'dark']> = [['en', 'light'], ['en', 'dark'], ['ja', 'light'], ['ja', 'dark']];
    for (const [lang, scheme] of shots) {
      await writeSettings(await extension.worker(), { lang });
      const options = await extension.newPage();
      await options.setViewport({ width: 1000, height: 1500 });
      await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
      const expected = lang === 'en' ? 'names refused: online status (7), “LinkedIn Member” (3)' : '名前として採用しなかったもの: オンライン状態（7）、「LinkedInメンバー」（3）';
      const text = await eventually(async () => {
        const body = await options.evaluate(() => document.body.innerText);
        return body.includes(expected) ? body : undefined;
      }, `the ${lang} diagnostics`);
      expect(text).toMatch(/linkedin\s*[(（]search-people[)）]/);
      await options.evaluate(() => document.getElementById('al-diagnostics')?.scrollIntoView());
      await screenshot(options, `options-diagnostics-layers-${lang}-${scheme}`);
      await options.close();
    }
    await writeSettings(await extension.worker(), { lang: 'auto' });
  });
});
