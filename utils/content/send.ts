import { browser } from 'wxt/browser';
import { Ok, PageMatchAnswer, PageSettings } from '../messaging/page-answers';
import { createSender, type Answers, type SendOf } from '../messaging/sender';

// A content script's own client: it parses the answers to the messages it sends itself, and carries and builds
// no other schema (the in-page UI brings its own: page-ui-send.ts). Issue 11: the whole protocol's schemas
// were a third of a script's size and half its start-up time.

/** What a content script sends (runtime.ts, present.ts, panel-publisher.ts, page-ui-handoff.ts). */
export type ContentMessage = 'page:get-settings' | 'page:match' | 'page:report-diagnostic' | 'page:load-ui' | 'page:panel-show' | 'page:panel-clear';
export type ContentSend = SendOf<ContentMessage>;

/** The answers it parses; the in-page UI parses these too (page-ui-send.ts). */
export const contentAnswers: Answers<ContentMessage> = {
  'page:get-settings': PageSettings,
  'page:match': PageMatchAnswer,
  'page:report-diagnostic': Ok,
  'page:load-ui': Ok,
  'page:panel-show': Ok,
  'page:panel-clear': Ok,
};

export const sendFromContent: ContentSend = createSender(contentAnswers, (message) => browser.runtime.sendMessage(message));
