// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { messages, type MessageName } from '../../../utils/messaging/protocol';
import { routeMessage, type Handler, type Handlers } from '../../../utils/messaging/router';

const rules = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const extensionPage = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const contentScript = { id: 'ext-id', url: 'https://www.linkedin.com/in/x', tab: { id: 1, url: 'https://www.linkedin.com/in/x' } } as never;

/** Every handler answers its own name, so a test sees which one ran. */
const handlers = Object.fromEntries(
  (Object.keys(messages) as MessageName[]).map((name) => [name, (() => ({ ran: name })) as unknown as Handler<MessageName>]),
) as unknown as Handlers;

describe('message types are looked up among the protocol’s own names only', () => {
  // Inherited properties of every object: `type in messages` is true for them, and messages[type].request is undefined.
  const inherited = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

  for (const type of inherited) {
    it(`ignores "${type}" from an extension page and from a content script, without throwing`, () => {
      for (const sender of [extensionPage, contentScript]) {
        expect(() => routeMessage(handlers, rules, { type, payload: {} }, sender as never)).not.toThrow();
        expect(routeMessage(handlers, rules, { type, payload: {} }, sender as never)).toBeUndefined();
      }
    });
  }

  it('still routes a real message', async () => {
    await expect(routeMessage(handlers, rules, { type: 'ui:get-status', payload: {} }, extensionPage as never)).resolves.toEqual({
      ran: 'ui:get-status',
    });
  });
});
