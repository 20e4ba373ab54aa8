import { browser } from 'wxt/browser';
import { Ok, PageSettings } from '../messaging/page-answers';
import type { Send } from '../messaging/client';
import type { MessageName, RequestOf } from '../messaging/protocol';
import { createSender, type SenderOf } from '../messaging/sender';
import { PageMatchShell } from './match-shell';

// A content script's own client: it parses the answers to the messages it sends itself, and carries and builds
// no other schema (the in-page UI brings its own: page-ui-send.ts). Issue 11: the whole protocol's schemas
// were a third of a script's size and half its start-up time. Of page:match's answer it checks only what it
// reads itself (match-shell.ts); the in-page UI checks the rest before drawing it.

/** The answers it parses; the in-page UI parses these too (page-ui-send.ts), page:match's in full. */
export const contentAnswers = {
  'page:get-settings': PageSettings,
  'page:match': PageMatchShell,
  'page:report-diagnostic': Ok,
  'page:load-ui': Ok,
  'page:panel-show': Ok,
  'page:panel-clear': Ok,
} satisfies { [N in MessageName]?: unknown };

/** What a content script sends (runtime.ts, present.ts, panel-publisher.ts, page-ui-handoff.ts). */
export type ContentMessage = keyof typeof contentAnswers;
export type ContentSend = SenderOf<typeof contentAnswers>;

export const sendFromContent: ContentSend = createSender(contentAnswers, (message) => browser.runtime.sendMessage(message));

/**
 * A client that parses every answer in full (tests hand one in as the worker) used as a content script's: its
 * answers are parsed once more with this script's own schemas, so what the script gets is what it would get here.
 */
export function contentSendOf(send: Send): ContentSend {
  return createSender(contentAnswers, (message) => {
    const { type, payload } = message as { type: ContentMessage; payload: RequestOf<ContentMessage> };
    return send(type, payload);
  });
}
