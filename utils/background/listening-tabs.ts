import { z } from 'zod';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

// Tabs whose content script has asked the worker for its settings: the open tabs of supported sites.
// When a sync changes the directory (the first one after configuration above all), each is told to read
// and match its page again, so nobody has to reload. Kept in session storage: it outlives the worker
// being stopped and is forgotten with the browser session.

const item = storage.defineItem<unknown>('session:listeningTabs', { fallback: [] });
const Stored = z.array(z.number().int()).catch([]);
const MAX_TABS = 500;

let writes: Promise<void> = Promise.resolve();
function queue(change: (tabs: number[]) => number[]): Promise<void> {
  const write = writes.then(async () => item.setValue(change(Stored.parse(await item.getValue()))));
  writes = write.catch(() => undefined);
  return write;
}

export function rememberListeningTab(tabId: number): Promise<void> {
  return queue((tabs) => (tabs.includes(tabId) ? tabs : [...tabs, tabId].slice(-MAX_TABS)));
}

export function forgetListeningTab(tabId: number): Promise<void> {
  return queue((tabs) => tabs.filter((id) => id !== tabId));
}

export async function listeningTabs(): Promise<number[]> {
  await writes;
  return Stored.parse(await item.getValue());
}

/**
 * Tells every listening tab that the synced data changed. A tab whose script is gone (closed, navigated
 * away, extension reloaded) answers with an error and is forgotten.
 */
export async function notifyDataChanged(dataVersion: number): Promise<number> {
  const tabs = await listeningTabs();
  const message = { type: 'tab:data-changed', payload: { dataVersion } };
  const reached = await Promise.all(
    tabs.map((tabId) =>
      browser.tabs.sendMessage(tabId, message).then(
        () => true,
        () => forgetListeningTab(tabId).then(() => false),
      ),
    ),
  );
  return reached.filter(Boolean).length;
}
