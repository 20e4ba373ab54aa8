import type { Browser } from 'wxt/browser';

type MessageSender = Browser.runtime.MessageSender;
import { z } from 'zod';
import { contentScriptMessages, Envelope, messages, type MessageName, type ResponseOf } from './protocol';
import type { FailureReply } from './client';

type Request<N extends MessageName> = z.infer<(typeof messages)[N]['request']>;
export type Handler<N extends MessageName> = (
  payload: Request<N>,
  sender: MessageSender,
) => Promise<ResponseOf<N>> | ResponseOf<N>;
export type Handlers = { [N in MessageName]: Handler<N> };

export interface SenderRules {
  /** This extension's id and its pages' origin, e.g. chrome-extension://abc/ */
  extensionId: string;
  extensionOrigin: string;
}

/** Where a message came from: our extension pages are trusted, our content scripts are not. */
export function senderKind(sender: MessageSender, rules: SenderRules): 'extension-page' | 'content-script' | 'foreign' {
  if (sender.id !== rules.extensionId) return 'foreign';
  if (sender.url?.startsWith(rules.extensionOrigin) && !sender.tab?.url?.match(/^https?:/)) return 'extension-page';
  if (sender.tab && sender.url && /^https?:/.test(sender.url)) return 'content-script';
  return 'foreign';
}

/**
 * Parses an incoming message, checks its sender may send it, validates its payload with the
 * protocol's schema and runs the handler. Returns undefined for messages that are not ours, so
 * other listeners may answer them.
 */
export function routeMessage(
  handlers: Handlers,
  rules: SenderRules,
  raw: unknown,
  sender: MessageSender,
): Promise<unknown> | undefined {
  const envelope = Envelope.safeParse(raw);
  // Own names only: `in` would also accept what every object inherits (toString, constructor, __proto__).
  if (!envelope.success || !Object.hasOwn(messages, envelope.data.type)) return undefined;
  const type = envelope.data.type as MessageName;
  const kind = senderKind(sender, rules);
  if (kind === 'foreign' || (kind === 'content-script' && !contentScriptMessages.has(type))) {
    return Promise.resolve(failure(`${type} is not allowed from this sender`));
  }
  const payload = messages[type].request.safeParse(envelope.data.payload);
  if (!payload.success) {
    return Promise.resolve(failure(`Invalid ${type}: ${payload.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`));
  }
  const handler = handlers[type] as Handler<MessageName>;
  return Promise.resolve()
    .then(() => handler(payload.data as Request<MessageName>, sender))
    .catch((error: unknown) => failure(error instanceof Error ? error.message : String(error)));
}

function failure(message: string): FailureReply {
  return { failure: { message } };
}
