import type * as z from 'zod/mini';
import type { MessageName, RequestOf, ResponseOf, messages } from './protocol';

/** The worker's answer when a handler failed; the caller gets it as a thrown MessageError. */
export interface FailureReply {
  failure: { message: string };
}

export class MessageError extends Error {}

/** Sends the messages in `M` and resolves with their typed, parsed answers. */
export type SendOf<M extends MessageName> = <N extends M>(type: N, payload: RequestOf<N>) => Promise<ResponseOf<N>>;

/** The answer schemas a sender parses, by message: the very schemas of the protocol (protocol.ts). */
export type Answers<M extends MessageName> = { [N in M]: (typeof messages)[N]['response'] };

/** A sender's answer schemas: the protocol's own, or for content scripts a shell of page:match's (utils/content/match-shell.ts). */
type AnswerSchemas = { [N in MessageName]?: z.ZodMiniType };

/** Sends the messages `A` has schemas for, and resolves with what those schemas parse. */
export type SenderOf<A extends AnswerSchemas> = <N extends keyof A & MessageName>(type: N, payload: RequestOf<N>) => Promise<z.output<NonNullable<A[N]>>>;

/**
 * A typed client for the messages in `answers`: sends each with `transport` (runtime.sendMessage) and
 * parses the worker's answer with its schema, so a worker from another version, or a tampered
 * reply, becomes a clear error, never bad data. Each bundle makes its own, with only the answers it parses:
 * schemas are built when their module loads, and content scripts load on every page (issue 11).
 */
export function createSender<A extends AnswerSchemas>(answers: A, transport: (message: unknown) => Promise<unknown>): SenderOf<A> {
  // Typed by SenderOf: what comes back is what the message's own schema parsed, which tsc cannot follow through `type`.
  const send = async (type: MessageName, payload: unknown): Promise<unknown> => {
    const schema = Object.hasOwn(answers, type) ? answers[type] : undefined;
    if (!schema) throw new MessageError(`${type} is not sent from here`);
    const reply = await transport({ type, payload });
    if (reply && typeof reply === 'object' && 'failure' in reply) {
      throw new MessageError(String((reply as FailureReply).failure?.message ?? 'The extension could not answer.'));
    }
    const parsed = schema.safeParse(reply);
    if (!parsed.success) throw new MessageError(`Unexpected answer to ${type}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  };
  return send as SenderOf<A>;
}
