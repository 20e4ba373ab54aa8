import * as z from 'zod/mini';
import { RecordId } from '../api/common';

// What the side panel (an extension page) asks the content script of the tab it follows, through
// tabs.sendMessage. The content script answers only messages from this extension's own pages, and
// never adds anything to the page to answer them.

export const PanelTabMessage = z.discriminatedUnion('type', [
  /** Is a content script of ours on the tab, and which document published the worker's state? */
  z.object({ type: z.literal('panel:ping') }),
  /** Publish again: the worker's state is not this document's (e.g. the page came back from the back-forward cache). */
  z.object({ type: z.literal('panel:republish') }),
  /** Scroll the page to this alumnus (a row clicked in the panel's list). */
  z.object({ type: z.literal('panel:reveal'), alumnusId: RecordId }),
]);
export type PanelTabMessage = z.infer<typeof PanelTabMessage>;

export const PingReply = z.object({ token: z.string().check(z.maxLength(64)) });
export type PingReply = z.infer<typeof PingReply>;

export const RevealReply = z.object({ revealed: z.boolean() });
export type RevealReply = z.infer<typeof RevealReply>;
