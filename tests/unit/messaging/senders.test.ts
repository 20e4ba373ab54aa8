import { describe, expect, it } from 'vitest';
import { contentAnswers } from '../../../utils/content/send';
import { PageMatchShell } from '../../../utils/content/match-shell';
import { pageUiAnswers } from '../../../utils/content/page-ui-send';
import { audienseMatch, sofiaMatch } from '../components/fixtures';
import { messages, type MessageName } from '../../../utils/messaging/protocol';
import { createSender, MessageError } from '../../../utils/messaging/sender';

// Content scripts and the in-page UI each parse the worker's answers with a client of their own that carries
// only some of the protocol's schemas (issue 11). They must be the protocol's very schemas, and a reply that
// does not parse must stay an error, exactly as with the extension pages' client.

const settings = { enabled: true, collapsed: false, highlightNames: true, lang: 'en', role: 'recruiter', configured: true, strings: {} };

describe('the content script’s client', () => {
  it('parses with the protocol’s own schemas, for page:* messages only, and only the shell of page:match’s answer', () => {
    for (const [name, schema] of Object.entries(contentAnswers)) {
      expect(name.startsWith('page:'), name).toBe(true);
      if (name === 'page:match') expect(schema, name).toBe(PageMatchShell);
      else expect(schema, name).toBe(messages[name as MessageName].response);
    }
  });

  it('keeps page:match’s answer whole for the in-page UI, and refuses one whose refs, confidences or alumnus ids are wrong', async () => {
    const match = { people: [{ ...sofiaMatch, ref: 0 }], organizations: [{ ...audienseMatch, ref: 0 }] };
    const replies: unknown[] = [
      match,
      { ...match, people: [{ ...sofiaMatch, ref: -1 }] },
      { ...match, people: [{ ...sofiaMatch, confidence: 'certain' }] },
      { ...match, people: [{ ...sofiaMatch, alumnus: { ...sofiaMatch.alumnus, id: '' } }] },
      { people: [] },
    ];
    const send = createSender(contentAnswers, () => Promise.resolve(replies.shift()));
    const signals = { site: 'linkedin', pageKind: 'profile' as const, people: [{ name: 'Sofia Andersson Reyes' }], organizations: [] };
    const asked = { url: 'https://www.linkedin.com/in/sofia-andersson-reyes', signals };
    // Everything the worker sent reaches the UI, which checks it in full (checked-results.ts).
    await expect(send('page:match', asked)).resolves.toEqual(match);
    for (let i = 0; i < 4; i++) await expect(send('page:match', asked)).rejects.toThrow(/Unexpected answer to page:match/);
  });

  it('the in-page UI’s own client parses page:match’s answer with the protocol’s schema', () => {
    expect(pageUiAnswers['page:match']).toBe(messages['page:match'].response);
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
