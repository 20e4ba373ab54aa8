import { browser } from 'wxt/browser';
import { messages, type MessageName, type RequestOf, type ResponseOf } from './protocol';

/** The worker's answer when a handler failed; the caller gets it as a thrown MessageError. */
export interface FailureReply {
  failure: { message: string };
}

export class MessageError extends Error {}

/** How the extension's parts talk to the background worker: sendMessage itself, or a stand-in in tests. */
export type Send = <N extends MessageName>(type: N, payload: RequestOf<N>) => Promise<ResponseOf<N>>;

/**
 * Sends one typed message to the background worker and parses its answer with the protocol's
 * schema: a worker from another version, or a tampered reply, becomes a clear error, never bad data.
 */
export async function sendMessage<N extends MessageName>(type: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const reply: unknown = await browser.runtime.sendMessage({ type, payload });
  if (reply && typeof reply === 'object' && 'failure' in reply) {
    throw new MessageError(String((reply as FailureReply).failure?.message ?? 'The extension could not answer.'));
  }
  const parsed = messages[type].response.safeParse(reply);
  if (!parsed.success) throw new MessageError(`Unexpected answer to ${type}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data as ResponseOf<N>;
}
