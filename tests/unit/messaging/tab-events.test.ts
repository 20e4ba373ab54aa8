import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onDataChanged, parseTabMessage } from '../../../utils/messaging/tab-events';

// The worker → content-script direction: a content script acts on "the synced data changed" only when
// this extension's worker says it, in the protocol's shape. Another extension, a content script in
// another tab (which could be a compromised renderer's), or a malformed message is ignored.

const ID = fakeBrowser.runtime.id;
const worker = { id: ID };
const message = { type: 'tab:data-changed', payload: { dataVersion: 7 } };
/** Delivers a message to every listener and waits for all their answers. */
async function deliver(raw: unknown, sender: Browser.runtime.MessageSender): Promise<void> {
  await Promise.all(await fakeBrowser.runtime.onMessage.trigger(raw, sender));
}

afterEach(() => {
  fakeBrowser.reset();
});

describe('tab messages', () => {
  it("accepts the worker's message", () => {
    expect(parseTabMessage('tab:data-changed', message, worker, ID)).toEqual({ dataVersion: 7 });
  });

  it('ignores other senders and anything off the protocol', () => {
    expect(parseTabMessage('tab:data-changed', message, { id: 'another-extension' }, ID)).toBeUndefined();
    expect(parseTabMessage('tab:data-changed', message, { id: ID, tab: { id: 3 } as never }, ID)).toBeUndefined();
    for (const raw of [
      { type: 'tab:data-changed', payload: { dataVersion: -1 } },
      { type: 'tab:data-changed', payload: { dataVersion: '7' } },
      { type: 'tab:data-changed' },
      { type: 'toString', payload: {} },
      'tab:data-changed',
      null,
    ]) {
      expect(parseTabMessage('tab:data-changed', raw, worker, ID)).toBeUndefined();
    }
  });

  it('calls the listener for the worker only, answers so the worker knows the tab listens, and stops when unsubscribed', async () => {
    const listener = vi.fn();
    const unsubscribe = onDataChanged(listener);
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, worker);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(answers).toContainEqual({ ok: true });

    await deliver(message, { id: ID, tab: { id: 9 } as never });
    await deliver({ type: 'ui:get-status', payload: {} }, worker);
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    await deliver(message, worker);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
