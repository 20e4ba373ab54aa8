import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundWorker } from '../../../utils/background/worker';
import type { BrowserStubs } from './support/browser-stubs';
import { contentScriptSender, EXTENSION_ID, freshProfile, popupSender, send, startWorker } from './support/harness';

// page:load-ui: the in-page UI is injected into the asking content script's own frame and isolated world,
// and nowhere else, whatever the message says.

let worker: BackgroundWorker;
let stubs: BrowserStubs;

/** A content script in frame `frameId` of tab `tabId`, as the browser describes its sender. */
function frameSender(tabId: number, frameId: number) {
  return { ...(contentScriptSender(tabId) as object), frameId } as never;
}

beforeEach(() => {
  stubs = freshProfile();
  worker = startWorker();
});
afterEach(async () => {
  await worker.stop();
});

describe('page:load-ui', () => {
  it("injects the in-page UI into the asking script's own tab and frame, in its isolated world", async () => {
    await expect(send('page:load-ui', {}, frameSender(7, 3))).resolves.toEqual({ ok: true });
    expect(stubs.executed).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: ['/page-ui.js'], world: 'ISOLATED' }]);
  });

  it('lets no message choose another tab, frame or world', async () => {
    for (const payload of [{ tabId: 1 }, { frameIds: [0] }, { world: 'MAIN' }, { files: ['/background.js'] }]) {
      await expect(send('page:load-ui', payload as never, frameSender(7, 3))).rejects.toThrow('Invalid page:load-ui');
    }
    expect(stubs.executed).toEqual([]);
  });

  it('injects nothing for a sender that is not a content script in a frame', async () => {
    const otherExtension = { ...(contentScriptSender(7) as object), frameId: 0, id: `not-${EXTENSION_ID}` };
    await expect(send('page:load-ui', {}, otherExtension)).rejects.toThrow('not allowed');
    // A content script's sender always has its frame; without one there is nowhere safe to inject.
    await expect(send('page:load-ui', {}, contentScriptSender(7))).rejects.toThrow("page's content script");
    // The extension's own pages have no page UI to load.
    await send('page:load-ui', {}, popupSender).catch(() => undefined);
    expect(stubs.executed).toEqual([]);
  });
});
