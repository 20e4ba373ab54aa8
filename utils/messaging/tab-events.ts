import { browser, type Browser } from 'wxt/browser';
import { Envelope, tabMessages, type TabMessageName, type TabMessageOf } from './tab-messages';

// The worker → content-script direction of the protocol. Page scripts cannot reach runtime.onMessage,
// but another extension's worker or a content script in another tab could send to it; only this
// extension's own worker (no tab) is heard, and only messages that parse.

type MessageSender = Browser.runtime.MessageSender;

/** The typed message, or undefined for anything not from our worker or not in the protocol. */
export function parseTabMessage<N extends TabMessageName>(
  type: N,
  raw: unknown,
  sender: MessageSender,
  extensionId: string,
): TabMessageOf<N> | undefined {
  if (sender.id !== extensionId || sender.tab !== undefined) return undefined;
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success || envelope.data.type !== type) return undefined;
  const payload = tabMessages[type].safeParse(envelope.data.payload);
  return payload.success ? (payload.data as TabMessageOf<N>) : undefined;
}

/** Calls `listener` whenever the worker says the synced data changed; returns the unsubscribe. */
export function onDataChanged(listener: () => void): () => void {
  const handle = (raw: unknown, sender: MessageSender) => {
    if (!parseTabMessage('tab:data-changed', raw, sender, browser.runtime.id)) return undefined;
    listener();
    // An answer, so the worker knows this tab still listens (no answer would read as a closed tab).
    return Promise.resolve({ ok: true });
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
