import * as z from 'zod/mini';

// An outbox item's state as the extension's pages show it: stored by the outbox (utils/db/schema.ts keeps
// OutboxState as an index) and sent to the popup and options page in messages (utils/messaging/protocol.ts).

export const OutboxState = z.enum(['queued', 'sending', 'sent', 'failed']);
export type OutboxState = z.infer<typeof OutboxState>;
export const OutboxItemStatus = z.object({
  id: z.uuid(),
  kind: z.enum(['introduction', 'interest', 'meeting', 'meeting-step', 'suggestion']),
  state: OutboxState,
  attempts: z.number().check(z.int()),
  /** For a final failure: the server's reason, shown to the user. */
  error: z.optional(z.string().check(z.maxLength(2000))),
  /** For a final failure: refused by the backend, or not sent within the give-up time (outbox.ts). Not `failure`: that key marks an error reply. */
  stopped: z.optional(z.enum(['refused', 'expired'])),
  createdAt: z.optional(z.number()),
  /** Who or what it is about (an alumnus's name, an offer's title), for lists of failed items. */
  subject: z.optional(z.string().check(z.maxLength(500))),
  nextAttemptAt: z.optional(z.number()),
});
export type OutboxItemStatus = z.infer<typeof OutboxItemStatus>;

