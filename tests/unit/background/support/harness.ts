import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackgroundWorker, type BackgroundWorker } from '../../../../utils/background/worker';
import { saveConfig } from '../../../../utils/config';
import type { MessageName, RequestOf, ResponseOf } from '../../../../utils/messaging/protocol';
import { type BrowserStubs, installBrowserStubs } from './browser-stubs';

// Drives the real background worker the way the browser does: events and messages are triggered
// on WXT's fakeBrowser (runtime.sendMessage would not await the worker's promise, see TOOLCHAIN.md).

export const EXTENSION_ID = 'test-extension-id';
export const popupSender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };
export function contentScriptSender(tabId = 7, url = 'https://www.linkedin.com/in/sofia-andersson-reyes') {
  return { id: EXTENSION_ID, url, tab: { id: tabId, url, index: 0, active: true, pinned: false, highlighted: false, incognito: false, windowId: 1 } } as never;
}

/** A fresh browser profile: empty storage, empty IndexedDB, no alarms. */
export function freshProfile(): BrowserStubs {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  return installBrowserStubs();
}

export function startWorker(options: Parameters<typeof startBackgroundWorker>[0] = {}): BackgroundWorker {
  return startBackgroundWorker(options);
}

export async function send<N extends MessageName>(
  type: N,
  payload: RequestOf<N>,
  sender: object = popupSender,
): Promise<ResponseOf<N>> {
  const replies: unknown[] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, sender as never);
  const reply = (await replies.find((r: unknown) => r !== undefined)) as ResponseOf<N> | { failure: { message: string } };
  if (reply && typeof reply === 'object' && 'failure' in reply) throw new Error(reply.failure.message);
  return reply as ResponseOf<N>;
}

/** Saves a configuration into the trusted store, as the worker does for the options page. */
export async function configure(apiUrl: string, token: string): Promise<void> {
  await saveConfig({ apiUrl, token });
}

/** Runs a sync to its end (joining one a storage change or alarm already started). */
export async function syncNow(worker: BackgroundWorker) {
  return (await worker.ready).sync.requestSync();
}
