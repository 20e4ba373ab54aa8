import { browser } from 'wxt/browser';
import { Ok } from '../messaging/page-answers';
import { IntroductionsAnswer, MeetingsAnswer, OfferFitsAnswer, OutboxStatusesAnswer } from '../messaging/page-ui-answers';
import { OutboxItemStatus } from '../outbox/status';
import type { MessageName } from '../messaging/protocol';
import { createSender, type Answers, type SendOf } from '../messaging/sender';
import { PageMatchAnswer } from '../messaging/match-answer';
import { contentAnswers } from './send';

// The in-page UI's own client (entrypoints/page-ui): the answers its sidebar and cards parse, which the
// content scripts do not carry (issue 11), and not the answers to the extension pages' ui:* messages.

/**
 * Every message a content script may send (page:*), the ones its sidebar and cards send above all: the worker
 * refuses any other from a page's frame, and a page:* message added to the protocol must be added here.
 */
export type PageMessage = Extract<MessageName, `page:${string}`>;

/** The answers it parses: every page:* message's, in full (exported for the test that says so). */
export const pageUiAnswers: Answers<PageMessage> = {
  ...contentAnswers,
  // The content script checks only the shell of it (match-shell.ts); the UI's own client parses it in full.
  'page:match': PageMatchAnswer,
  'page:set-collapsed': Ok,
  'page:open-options': Ok,
  'page:load-introductions': IntroductionsAnswer,
  'page:log-introduction': OutboxItemStatus,
  'page:express-interest': OutboxItemStatus,
  'page:meetings': MeetingsAnswer,
  'page:offer-fits': OfferFitsAnswer,
  'page:request-meeting': OutboxItemStatus,
  'page:propose-meeting': OutboxItemStatus,
  'page:meeting-step': OutboxItemStatus,
  'page:suggest-offer': OutboxItemStatus,
  'page:outbox-status': OutboxStatusesAnswer,
};

export const sendFromPageUi: SendOf<PageMessage> = createSender(pageUiAnswers, (message) => browser.runtime.sendMessage(message));
