import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { TabRecognition } from '../messaging/protocol';

/**
 * What was recognised per tab, for the popup. Kept in session storage: it outlives the worker
 * being stopped, and is forgotten with the browser session (nothing about browsing is persisted).
 */
const tabRecognitionItem = storage.defineItem<unknown>('session:tabRecognition', { fallback: {} });
const Stored = z.record(z.string(), TabRecognition).catch({});
const MAX_TABS = 200;

// Writes run one after another (each reads, changes and writes the whole record), and reads wait for
// those already asked for: a page's answer need not wait for its write, the popup still sees it.
let writes: Promise<void> = Promise.resolve();

export function recordTabRecognition(tabId: number, recognition: TabRecognition): Promise<void> {
  const write = writes.then(() => writeTabRecognition(tabId, recognition));
  writes = write.catch(() => undefined);
  return write;
}

async function writeTabRecognition(tabId: number, recognition: TabRecognition): Promise<void> {
  const all = Stored.parse(await tabRecognitionItem.getValue());
  // Non-numeric keys keep insertion order, so the oldest tabs are dropped first.
  delete all[keyOf(tabId)];
  all[keyOf(tabId)] = recognition;
  const keys = Object.keys(all);
  for (const stale of keys.slice(0, Math.max(0, keys.length - MAX_TABS))) delete all[stale];
  await tabRecognitionItem.setValue(all);
}

export async function readTabRecognition(tabId: number): Promise<TabRecognition | null> {
  await writes;
  return Stored.parse(await tabRecognitionItem.getValue())[keyOf(tabId)] ?? null;
}

export function forgetTab(tabId: number): Promise<void> {
  const forget = writes.then(() => removeTab(tabId));
  writes = forget.catch(() => undefined);
  return forget;
}

async function removeTab(tabId: number): Promise<void> {
  const all = Stored.parse(await tabRecognitionItem.getValue());
  if (!Object.hasOwn(all, keyOf(tabId))) return;
  delete all[keyOf(tabId)];
  await tabRecognitionItem.setValue(all);
}

function keyOf(tabId: number): string {
  return `tab-${tabId}`;
}
