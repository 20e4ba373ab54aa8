import { describe, expect, it } from 'vitest';
import { contentAnswers } from '../../../utils/content/send';
import { messages, type MessageName } from '../../../utils/messaging/protocol';
import { createSender, MessageError } from '../../../utils/messaging/sender';

// Content scripts and the in-page UI each parse the worker's answers with a client of their own that carries
// only some of the protocol's schemas (issue 11). They must be the protocol's very schemas, and a reply that
// does not parse must stay an error, exactly as with the extension pages' client.

const settings = { enabled: true, collapsed: false, highlightNames: true, lang: 'en', role: 'recruiter', configured: true, strings: {} };

describe('the content script’s client', () => {
  it('parses with the protocol’s own schemas, for page:* messages only', () => {
    for (const [name, schema] of Object.entries(contentAnswers)) {
      expect(name.startsWith('page:'), name).toBe(true);
      expect(schema, name).toBe(messages[name as MessageName].response);
    }
  });

  it('returns a parsed answer, and turns a malformed answer or a failure into a MessageError', async () => {
    const replies: unknown[] = [settings, { ...settings, lang: 'fr' }, { failure: { message: 'worker updating' } }];
    const send = createSender(contentAnswers, () => Promise.resolve(replies.shift()));
    await expect(send('page:get-settings', { site: 'linkedin' })).resolves.toEqual(settings);
    await expect(send('page:get-settings', { site: 'linkedin' })).rejects.toThrow(/Unexpected answer to page:get-settings/);
    await expect(send('page:get-settings', { site: 'linkedin' })).rejects.toThrow('worker updating');
  });

  it('refuses, before sending, a message whose answer it cannot parse', async () => {
    let sent = 0;
    const send = createSender(contentAnswers, () => Promise.resolve(sent++));
    const anyMessage = send as unknown as (type: string, payload: unknown) => Promise<unknown>;
    await expect(anyMessage('page:meetings', {})).rejects.toBeInstanceOf(MessageError);
    await expect(anyMessage('toString', {})).rejects.toBeInstanceOf(MessageError);
    expect(sent).toBe(0);
  });
});
