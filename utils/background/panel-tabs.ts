import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { PanelTab } from '../messaging/protocol';

/**
 * What each tab's page showed, for the side panel, as its content script published it. Kept in session
 * storage: it outlives the worker being stopped and is forgotten with the browser session. Session storage
 * is reachable only from the extension's own pages and worker (Chromium's default access level; Firefox
 * does not offer it to content scripts at all), so the alumni data in it never reaches a page.
 */
const panelTabsItem = storage.defineItem<unknown>('session:panelTabs', { fallback: {} });
// One unreadable entry (another version's shape) costs that tab only.
const Stored = z.record(z.string(), z.unknown()).catch({});
const MAX_TABS = 50;

// Each write reads, changes and writes the whole record: they run one after another.
let writes: Promise<void> = Promise.resolve();

function queue(change: (all: Record<string, unknown>) => boolean): Promise<void> {
  const write = writes.then(async () => {
    const all = Stored.parse(await panelTabsItem.getValue());
    if (change(all)) await panelTabsItem.setValue(all);
  });
  writes = write.catch(() => undefined);
  return write;
}

export function publishPanelTab(tabId: number, tab: PanelTab): Promise<void> {
  return queue((all) => {
    // Non-numeric keys keep insertion order, so the tabs published longest ago are dropped first.
    delete all[keyOf(tabId)];
    all[keyOf(tabId)] = tab;
    const keys = Object.keys(all);
    for (const stale of keys.slice(0, Math.max(0, keys.length - MAX_TABS))) delete all[stale];
    return true;
  });
}

/** Forgets the tab's state if it is still the one `token` published (a later document's stays). */
export function clearPanelTab(tabId: number, token?: string): Promise<void> {
  return queue((all) => {
    const current = all[keyOf(tabId)] as { token?: unknown } | undefined;
    if (!current || (token !== undefined && current.token !== token)) return false;
    delete all[keyOf(tabId)];
    return true;
  });
}

export async function readPanelTab(tabId: number): Promise<PanelTab | null> {
  await writes;
  const parsed = PanelTab.safeParse(Stored.parse(await panelTabsItem.getValue())[keyOf(tabId)]);
  return parsed.success ? parsed.data : null;
}

function keyOf(tabId: number): string {
  return `tab-${tabId}`;
}
