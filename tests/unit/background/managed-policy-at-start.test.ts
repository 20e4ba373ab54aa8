import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readConfig, readDisplay, saveConfig, watchConfig } from '../../../utils/config';

// Chromium's storage.managed answers only once its policy service is up: seconds after a browser start.
// These cases hold that answer back the way the browser does and look at what the extension says meanwhile.

const quiet = () => {};
const policy = { apiUrl: 'https://alumni.corp.example', token: 'policy-token' };

/** Makes storage.managed.get wait until `release` is called, then answer with `value` (or fail, as Firefox does). */
function holdPolicyService(value: Record<string, unknown> | Error) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(async () => {
    await released;
    if (value instanceof Error) throw value;
    return value;
  });
  return { release, get };
}

/** Lets the held answer travel through the extension's promise chain and the trusted store. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => vi.restoreAllMocks());

describe('the enterprise policy while the browser is still starting', () => {
  it('answers with the last policy seen instead of waiting for the browser, and says nothing when the live one is the same', async () => {
    // A previous start saw the policy (answered at once) and the extension kept it.
    await fakeBrowser.storage.managed.set(policy);
    expect((await readConfig(quiet)).source).toBe('managed');
    await settle();

    const held = holdPolicyService(policy);
    const changed = vi.fn();
    const unwatch = watchConfig(changed);
    // The browser has not answered: the kept policy stands in.
    expect(await readConfig(quiet)).toEqual({ config: policy, source: 'managed', locked: ['apiUrl', 'token'] });
    expect(held.get).toHaveBeenCalledTimes(1);
    held.release();
    await settle();
    expect(changed).not.toHaveBeenCalled();
    unwatch();
  });

  it('uses the user’s own connection on a first start, then the policy once the browser gives it, and tells the worker to sync again', async () => {
    await saveConfig({ apiUrl: 'http://127.0.0.1:8787', token: 'mine' });
    const held = holdPolicyService(policy);
    const changed = vi.fn();
    const unwatch = watchConfig(changed);
    expect(await readConfig(quiet)).toEqual({ config: { apiUrl: 'http://127.0.0.1:8787', token: 'mine' }, source: 'local', locked: [] });

    held.release();
    await settle();
    expect(changed).toHaveBeenCalledTimes(1);
    // The browser now answers at once; the policy wins as it always does.
    vi.restoreAllMocks();
    await fakeBrowser.storage.managed.set(policy);
    expect(await readConfig(quiet)).toEqual({ config: policy, source: 'managed', locked: ['apiUrl', 'token'] });
    unwatch();
  });

  it('lifts a policy that IT removed once the browser says so', async () => {
    await fakeBrowser.storage.managed.set({ ...policy, display: 'side-panel' });
    expect((await readDisplay(quiet)).mode).toBe('side-panel');
    await settle();

    const held = holdPolicyService({});
    const changed = vi.fn();
    const unwatch = watchConfig(changed);
    expect(await readDisplay(quiet)).toEqual({ mode: 'side-panel', locked: true });
    held.release();
    await settle();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(await readDisplay(quiet)).toEqual({ mode: 'in-page', locked: false });
    expect((await readConfig(quiet)).source).toBe('none');
    unwatch();
  });

  it('treats a browser without managed storage (Firefox rejects the call) as no policy, late or not', async () => {
    const held = holdPolicyService(new Error('Managed storage manifest not found'));
    expect((await readConfig(quiet)).source).toBe('none');
    held.release();
    await settle();
    expect((await readConfig(quiet)).source).toBe('none');
  });
});
