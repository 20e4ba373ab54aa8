import * as z from 'zod/mini';

// Apart from protocol.ts so that content scripts, which listen for these, bundle and build only these schemas (issue 11).

/**
 * Messages the worker sends to content scripts (tabs.sendMessage), the other way round. A content
 * script acts on one only when it comes from this extension's worker (not a tab) and parses.
 */
export const tabMessages = {
  /** The synced directory or organisations changed (a first sync above all): read and match the page again. */
  'tab:data-changed': z.object({ dataVersion: z.number().check(z.int(), z.gte(0)) }),
} as const;
export type TabMessageName = keyof typeof tabMessages;
export type TabMessageOf<N extends TabMessageName> = z.infer<(typeof tabMessages)[N]>;

/** The envelope on the wire; anything else arriving on runtime.onMessage is ignored. */
export const Envelope = z.object({ type: z.string().check(z.maxLength(60)), payload: z.unknown() });
