import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server';
import { startDemoServer } from '../support/demo-server';
import { tokens } from './support/api';
import { ensureExtensionBuilt } from './support/build';
import { testExtensionOrigins } from './support/extension-origin';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { ClosedShadow, eventually } from './support/closed-shadow';
import { configureExtension, ExtensionControl } from './support/extension';
import { extensionHosts } from './support/page-state';
import { screenshot } from './support/screenshots';
import { sidebarText } from './support/ui';

// The demo `npm start` offers a newcomer: the development build on the demo pages the server serves
// under /demo/. The production build never matches them (checked last).

let server: RunningServer;
let extension: ExtensionBrowser;
let control: ExtensionControl;

beforeAll(async () => {
  const devBuild = ensureExtensionBuilt(console.log, 'development');
  // The default CORS origin is the development build's; the production build's is added for the last story.
  server = await startDemoServer({ extensionOrigins: testExtensionOrigins() });
  extension = await launchWithExtension({ hosts: [], sitePort: 0, extensionDir: devBuild });
  await configureExtension(extension, { apiUrl: server.url, token: tokens.recruiter });
  control = await ExtensionControl.open(extension);
  await control.waitForSync();
});

afterAll(async () => {
  await extension?.dispose();
  await server?.close();
});

async function open(path: string) {
  const page = await extension.newPage();
  await page.goto(`${server.url}/demo/${path}`, { waitUntil: 'load' });
  return { page, shadow: await ClosedShadow.attach(page) };
}

describe('The demo pages with the development build', () => {
  it("a recruiter sees 山田 太郎's card on the LinkedIn-like profile", async () => {
    const { page, shadow } = await open('in/taro-yamada/');
    const text = await sidebarText(
      shadow,
      // The offers that fit him arrive from the worker after the card is drawn.
      (t) => t.includes('山田 太郎') && t.includes('Apr 2012 – Mar 2018') && t.includes('Requested') && t.includes('Concerns 株式会社みらい銀行'),
      'his card, with his showcase, the offers that fit him and his meetings',
    );
    expect(text).toContain('Engineering');
    expect(text).toMatch(/(Confirmed|Likely) alumnus/);
    // Business matching from the demo seed: what he does now, offers that fit him, the meetings with him.
    expect(text).toContain('Now: モバイルバンキングとセキュリティ設計の技術顧問。');
    expect(text).toContain('Concerns 株式会社みらい銀行, where they work now');
    expect(text).toMatch(/meetings with 山田 太郎/i);
    await screenshot(page, 'demo-profile');
    await page.close();
  });

  it('a recruiter sees badges next to the alumni on the company People page, and the organisation in the sidebar', async () => {
    const { page, shadow } = await open('company/mirai-bank/people/');
    await page.setViewport({ width: 1366, height: 1100 });
    const text = await sidebarText(shadow, (t) => t.includes('株式会社みらい銀行') && t.includes('山田 太郎'), 'the organisation overview');
    for (const alumnus of ['鈴木 一郎', '吉田 拓也', 'Priya Raman', '大野 浩二']) expect(text).toContain(alumnus);
    const fitting = await sidebarText(shadow, (t) => /alumni who fit the offers concerning 株式会社みらい銀行/i.test(t), 'the alumni who fit its offer');
    expect(fitting).toContain('みらい銀行 モバイルアプリ刷新パートナー募集: skills iOS, Security');
    const layer = await eventually(() => shadow.hostWith('.al-marker[data-variant="badge"]'), 'badges');
    expect((await shadow.attributes(layer, '.al-marker[data-variant="badge"]', 'data-variant')).length).toBe(5);
    await screenshot(page, 'demo-people-page');
    await page.close();
  });

  it("names of alumni are highlighted on an organisation's website", async () => {
    const { page, shadow } = await open('sites/hikari-health.example/');
    const layer = await eventually(() => shadow.hostWith('.al-marker[data-variant="highlight"]'), 'highlighted names');
    const highlights = await shadow.attributes(layer, '.al-marker[data-variant="highlight"]', 'data-variant');
    expect(highlights.length).toBeGreaterThanOrEqual(3);
    // Her name runs into her title in the markup ("Isabel García" + "Partner…") with only CSS between.
    const isabel = await page.evaluate(() => {
      const text = [...document.querySelectorAll('.member strong')].find((el) => el.textContent === 'Isabel García')?.firstChild;
      if (!text) return null;
      const range = document.createRange();
      range.selectNodeContents(text);
      const { left, top } = range.getBoundingClientRect();
      return { left, top };
    });
    expect(isabel).not.toBeNull();
    await eventually(async () => {
      const boxes = await shadow.attributes(layer, '.al-marker[data-variant="highlight"]', 'style');
      const covers = boxes.some((style) => {
        const [left, top] = ['left', 'top'].map((side) => Number(new RegExp(`${side}:\\s*(-?[\\d.]+)px`).exec(style ?? '')?.[1]));
        return Math.abs(left - isabel!.left) < 2 && Math.abs(top - isabel!.top) < 2;
      });
      return covers || undefined;
    }, 'a highlight over Isabel García');
    await sidebarText(shadow, (t) => t.includes('佐藤 花子'), 'the alumni named on the page in the sidebar');
    await screenshot(page, 'demo-org-website');
    await page.close();
  });

  it("an alumnus sees the company's open offers on its own site and can say I'm interested", async () => {
    await configureExtension(extension, { apiUrl: server.url, token: tokens.alumni });
    await control.waitForSync(Date.now());
    const { page, shadow } = await open('sites/sakura-digital.example/');
    const text = await sidebarText(shadow, (t) => t.includes('Come back as Design Lead (Tokyo)'), 'the offers in the sidebar');
    expect(text).toContain("I'm interested");
    expect(text).toContain('Request a meeting');
    // Ranked for 山田 太郎: the offer about his employer, matching his showcase, comes first, with the reasons.
    expect(text).toContain('Concerns 株式会社みらい銀行, where you work now');
    expect(text).toContain('Suggested by Kenji Watanabe');
    await screenshot(page, 'demo-company-site-offers');
    await page.close();
    const popup = await extension.newPage();
    await popup.setViewport({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    await eventually(async () => ((await popup.evaluate(() => document.body.innerText)).includes('1 meeting request') ? true : undefined), 'his meeting request');
    await screenshot(popup, 'demo-popup-alumni');
    await popup.close();
  });

  it('the production build has no demo script: nothing happens on the demo pages', async () => {
    const production = await launchWithExtension({ hosts: [], sitePort: 0 });
    try {
      await configureExtension(production, { apiUrl: server.url, token: tokens.recruiter });
      const prodControl = await ExtensionControl.open(production);
      await prodControl.waitForSync();
      const page = await production.newPage();
      await page.goto(`${server.url}/demo/in/taro-yamada/`, { waitUntil: 'load' });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(await extensionHosts(await ClosedShadow.attach(page))).toEqual([]);
    } finally {
      await production.dispose();
    }
  });
});
