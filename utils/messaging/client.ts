import { browser } from 'wxt/browser';
import { messages, type MessageName, type RequestOf, type ResponseOf } from './protocol';
import { createSender, type SendOf } from './sender';

export { MessageError, type FailureReply, type SendOf } from './sender';

/** How the extension's parts talk to the background worker: sendMessage itself, or a stand-in in tests. */
export type Send = SendOf<MessageName>;

const answers = Object.fromEntries(Object.entries(messages).map(([name, { response }]) => [name, response])) as {
  [N in MessageName]: (typeof messages)[N]['response'];
};

/**
 * Sends one typed message to the background worker and parses its answer with the protocol's
 * schema: a worker from another version, or a tampered reply, becomes a clear error, never bad data.
 * The extension's own pages use this one; content scripts and the in-page UI have their own, which carry
 * only the answers they parse (utils/content/send.ts, utils/content/page-ui-send.ts).
 */
export const sendMessage: Send = createSender(answers, (message) => browser.runtime.sendMessage(message));

export type { RequestOf, ResponseOf };
