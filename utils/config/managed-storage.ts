import { browser } from 'wxt/browser';
import { readTrusted, writeTrusted } from './trusted-store';

/**
 * Chromium answers `storage.managed.get` only once its policy service has initialised, which after a browser
 * start takes seconds (2–6 s measured on this machine's Chromium, 3–8 s reported by other extensions) even
 * when there is no policy at all. Every page's first question to the worker reads the policy, so a recruiter
 * who opens a profile right after starting the browser would wait that long for the card.
 *
 * So: a live answer within GRACE_MS is used as it is (a worker woken in a running browser always gets one).
 * Past that, the last policy this extension saw (kept in the trusted store, as it may hold a token) stands in
 * until the live answer comes; if that answer differs, `onManagedArrival` listeners hear of it and read again.
 */
export const GRACE_MS = 250;

/** What a browser without managed storage (Firefox with no policy manifest) gives: no policy. */
type Managed = Record<string, unknown>;

/** The browser's answer being awaited, and whether a reader was given the last known policy meanwhile. */
let live: { read: Promise<Managed>; stoodIn: boolean } | null = null;
const arrivalListeners = new Set<() => void>();

/** The whole of managed storage, raw (callers parse it), as described above. */
export async function readManagedStorage(): Promise<Managed> {
  const pending = live ?? startLiveRead();
  // One wait per slow read: later readers take the stand-in at once.
  if (pending.stoodIn) return (await lastKnown()) ?? {};
  const answer = await Promise.race([pending.read, delay(GRACE_MS).then(() => undefined)]);
  if (answer !== undefined) return answer;
  pending.stoodIn = true;
  return (await lastKnown()) ?? {};
}

/** Calls back when a slow live read brought a policy different from the one stood in for it. */
export function onManagedArrival(listener: () => void): () => void {
  arrivalListeners.add(listener);
  return () => arrivalListeners.delete(listener);
}

function startLiveRead(): { read: Promise<Managed>; stoodIn: boolean } {
  const read = browser.storage.managed.get(null).then(
    (raw) => (isRecord(raw) ? raw : {}),
    () => ({}),
  );
  const pending = { read, stoodIn: false };
  live = pending;
  void read.then(async (current) => {
    // The next reader asks the browser again: the policy may change while the worker lives.
    live = null;
    const before = (await lastKnown()) ?? {};
    if (sameJson(before, current)) return;
    await writeTrusted('managed-policy', current);
    if (pending.stoodIn) for (const listener of arrivalListeners) listener();
  }).catch((error: unknown) => console.warn('[alumni-lens] managed policy:', error));
  return pending;
}

async function lastKnown(): Promise<Managed | null> {
  const stored = await readTrusted('managed-policy').catch(() => undefined);
  return isRecord(stored) ? stored : null;
}

function isRecord(value: unknown): value is Managed {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
