import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebWorker } from 'puppeteer-core';
import { previewHtml, type ToolbarState } from '../../scripts/icons/preview';
import { tokens } from './support/api';
import { eventually } from './support/closed-shadow';
import type { InBrowser } from './support/extension';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { extensionDir, screenshotsDir } from './support/paths';
import { startStory, type Story } from './support/story';

// The toolbar button's states, read from Chromium's own action API as the browser draws them: a salesperson
// sees on each tab how many alumni are on it (green), an alumnus sees a meeting request waiting for him (orange)
// and the new offers on every tab (blue).
// The states are then drawn the way Chrome composites them (.tmp/screenshots/toolbar-states.png).

interface ActionState {
  text: string;
  color: [number, number, number, number];
  title: string;
}

/** The action's badge and title for one tab (or the every-tab values), as chrome.action reports them. */
async function actionState(worker: WebWorker, tabId?: number): Promise<ActionState> {
  return worker.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as InBrowser & {
      chrome: { action: Record<'getBadgeText' | 'getBadgeBackgroundColor' | 'getTitle', (d: { tabId?: number }) => Promise<unknown>> };
    };
    const details = id === undefined ? {} : { tabId: id };
    return {
      text: (await chrome.action.getBadgeText(details)) as string,
      color: (await chrome.action.getBadgeBackgroundColor(details)) as [number, number, number, number],
      title: (await chrome.action.getTitle(details)) as string,
    };
  }, tabId);
}

/**
 * The browser's id of the tab showing `url`. The extension asks for no `tabs` permission, so it cannot query
 * tabs by address; the worker's record of what it recognised per tab (for the popup) names the tab.
 */
async function tabIdOf(worker: WebWorker, url: string): Promise<number> {
  return eventually(async () => {
    const stored = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } };
      return (await chrome.storage.session.get('tabRecognition')).tabRecognition as Record<string, { url: string }> | undefined;
    });
    const key = Object.entries(stored ?? {}).find(([, tab]) => tab.url === url)?.[0];
    return key ? Number(key.replace('tab-', '')) : undefined;
  }, `the tab showing ${url}`);
}

const css = ([r, g, b, a]: ActionState['color']) => `rgba(${r}, ${g}, ${b}, ${a / 255})`;
const GREEN: ActionState['color'] = [5, 118, 66, 255];
const BLUE: ActionState['color'] = [10, 102, 194, 255];
const ORANGE: ActionState['color'] = [178, 64, 32, 255];

const states: ToolbarState[] = [];

describe('A salesperson’s toolbar button', () => {
  let story: Story;
  beforeAll(async () => {
    story = await startStory({ token: tokens.sales, pages: linkedinPages });
  });
  afterAll(async () => {
    await story?.dispose();
  });

  it('shows no badge before any page was read', async () => {
    const idle = await actionState(await story.extension.worker());
    expect(idle.text).toBe('');
    states.push({ label: 'Idle', badgeText: idle.text, badgeColor: css(idle.color) });
  });

  it('counts the alumni on the People tab in view, in green, and says so in its title', async () => {
    const { page } = await story.open(linkedin.audiensePeople);
    const worker = await story.extension.worker();
    const tabId = await tabIdOf(worker, linkedin.audiensePeople);
    // Marcos Ruiz and Julien Moreau (sales-people-tab.test.ts checks the badges next to their names).
    const state = await eventually(async () => {
      const s = await actionState(worker, tabId);
      return s.text !== '' ? s : undefined;
    }, 'the toolbar badge on the People tab');
    expect(state.text).toBe('2');
    expect(state.color).toEqual(GREEN);
    expect(state.title).toBe('Alumni Lens: 2 alumni on this page');
    // Other tabs keep the plain button.
    expect((await actionState(worker)).text).toBe('');
    states.push({ label: 'Alumni on this page (2)', badgeText: state.text, badgeColor: css(state.color) });

    // The same tab moving on to a profile of someone who is not an alumnus loses the count.
    await page.goto(linkedin.arjun, { waitUntil: 'load' });
    await eventually(async () => ((await actionState(worker, tabId)).text === '' ? true : undefined), 'the badge to go');
    expect((await actionState(worker, tabId)).title).toBe('Alumni Lens');
    await page.close();
  });
});

describe('An alumnus’s toolbar button', () => {
  let story: Story;
  beforeAll(async () => {
    story = await startStory({ token: tokens.alumni, pages: {} });
  });
  afterAll(async () => {
    await story?.dispose();
  });

  it('puts the meeting request waiting for the alumnus first: counted with the new offers, in its own colour, both named in its title', async () => {
    const worker = await story.extension.worker();
    const state = await eventually(async () => {
      const s = await actionState(worker);
      return s.text !== '' ? s : undefined;
    }, 'the toolbar badge');
    // The demo's 山田 太郎 has one request waiting for him (about Mirai Bank's app) and the open offers.
    expect(state.color).toEqual(ORANGE);
    expect(state.title).toMatch(/^Alumni Lens · 1 meeting request\(s\) · \d+ new offer\(s\)$/);
    const offers = Number(/(\d+) new offer/.exec(state.title)?.[1]);
    expect(offers).toBeGreaterThan(0);
    expect(Number(state.text)).toBe(1 + offers);
    states.push({ label: `Meeting request + new offers (${state.text})`, badgeText: state.text, badgeColor: css(state.color) });
  });

  it('once he answers the request, counts the new open offers on every tab, in blue', async () => {
    const { meetings } = await story.control.send('page:meetings', {});
    const waiting = meetings.filter((m) => m.status === 'requested' && m.awaiting === 'alumnus');
    expect(waiting).toHaveLength(1);
    await story.control.send('page:meeting-step', { meetingId: waiting[0]!.id, step: { type: 'decline', reason: 'Busy this quarter' } });
    const worker = await story.extension.worker();
    const state = await eventually(async () => {
      const s = await actionState(worker);
      return s.color[0] === BLUE[0] ? s : undefined;
    }, 'the offers badge, in blue');
    expect(state.color).toEqual(BLUE);
    expect(state.title).toMatch(/^Alumni Lens · \d+ new offer\(s\)$/);
    expect(Number(state.text)).toBeGreaterThan(0);
    states.push({ label: `New offers (${state.text})`, badgeText: state.text, badgeColor: css(state.color) });
  });

  it('draws the states as the toolbar shows them, in light and dark themes', async () => {
    expect(states.map((s) => s.label)).toEqual(['Idle', 'Alumni on this page (2)', expect.stringMatching(/^Meeting request/), expect.stringMatching(/^New offers/)]);
    const html = join(screenshotsDir, 'toolbar-states.html');
    await writeFile(html, previewHtml((size) => `file://${join(extensionDir, 'icon', `${size}.png`)}`, states));
    const page = await story.extension.newPage();
    await page.setViewport({ width: 760, height: 420, deviceScaleFactor: 2 });
    await page.goto(`file://${html}`, { waitUntil: 'load' });
    // Every icon loaded from the built extension (a missing file would show as a broken image).
    expect(await page.$$eval('img', (imgs) => imgs.every((img) => (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
    await page.screenshot({ path: join(screenshotsDir, 'toolbar-states.png'), fullPage: true });
    await page.close();
  });
});
