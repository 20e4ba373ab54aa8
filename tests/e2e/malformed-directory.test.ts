import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './support/api';
import { eventually } from './support/closed-shadow';
import { startCorruptingProxy, type CorruptingProxy } from './support/corrupting-proxy';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { screenshot } from './support/screenshots';
import { startStory, type Story } from './support/story';
import { sidebarText } from './support/ui';

// A response that fails the contract is rejected whole: the last good directory stays in use.

let story: Story;
let proxy: CorruptingProxy;

/**
 * After the first good sync, the proxy answers every directory page with one that would remove Sofia Andersson Reyes
 * and carries a record without names: applying any part of it would lose her card.
 */
const corrupted = JSON.stringify({
  alumni: [{ id: 'E9999', names: {}, tenure: 'soon', consent: { recognition: true, offers: true }, updatedAt: 'yesterday' }],
  removed: ['E2001'],
  cursor: 'corrupted-cursor',
  complete: true,
});

beforeAll(async () => {
  story = await startStory({
    token: tokens.recruiter,
    pages: linkedinPages,
    apiUrl: async (backend) => {
      proxy = await startCorruptingProxy(backend.url);
      return proxy.url;
    },
  });
});

afterAll(async () => {
  await story?.dispose();
  await proxy?.close();
});

describe('A malformed directory response', () => {
  it('leaves the last good directory in place and shows the sync error in the diagnostics', async () => {
    const before = await story.control.send('ui:get-status', {});
    expect(before.directorySize).toBeGreaterThan(30);
    const syncedAt = before.sync.lastSuccessAt ?? 0;

    proxy.corruptDirectory(corrupted);
    // The user presses "Sync now" in the popup.
    const popup = await story.extension.newPage();
    await popup.setViewport({ width: 420, height: 800 });
    await popup.goto(`chrome-extension://${story.extension.extensionId}/popup.html`);
    const syncNow = await popup.waitForSelector('button::-p-text(Sync now)');
    await syncNow!.click();
    const after = await eventually(async () => {
      const status = await story.control.send('ui:get-status', {});
      return status.sync.lastError && status.sync.state !== 'syncing' ? status : undefined;
    }, 'the second sync to fail');
    expect(proxy.corruptedResponses()).toBeGreaterThanOrEqual(1);
    expect(after.directorySize).toBe(before.directorySize);
    expect(after.sync.lastSuccessAt).toBe(syncedAt);
    await popup.reload();
    const popupText = await eventually(async () => {
      const text = await popup.evaluate(() => document.body.innerText);
      return text.includes(`${before.directorySize} alumni in the directory`) ? text : undefined;
    }, 'the unchanged directory size in the popup');
    expect(popupText).toContain('Last sync failed');
    await screenshot(popup, 'popup-sync-error');
    await popup.close();

    // Her card still shows.
    const { page, shadow } = await story.open(linkedin.sofia);
    await sidebarText(shadow, (t) => t.includes('Sofia Andersson Reyes') && t.includes('Apr 2009 – Aug 2011'), 'her card from the last good directory');
    await page.close();

    // The options page says what went wrong.
    const options = await story.extension.newPage();
    await options.setViewport({ width: 1000, height: 1400 });
    await options.goto(`chrome-extension://${story.extension.extensionId}/options.html`);
    const optionsText = await eventually(async () => {
      const text = await options.evaluate(() => document.body.innerText);
      return text.includes('Last sync error:') ? text : undefined;
    }, 'the sync error in the options diagnostics');
    expect(optionsText).toMatch(/Last sync error: .+/);
    await screenshot(options, 'options-diagnostics');
    await options.close();
  });
});
