// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundWorker } from '../../../utils/background/worker';
import type { Send } from '../../../utils/messaging/client';
import { messages, type MessageName } from '../../../utils/messaging/protocol';
import { readPageNames } from '../../../utils/content/name-highlights';
import { matchExtraction } from '../../../utils/content/present';
import { contentSendOf } from '../../../utils/content/send';
import { orgWebsiteAdapter } from '../../../utils/sites/index';
import { parseHtml, type ParsedPage } from '../../../scripts/saved-pages/node-dom';
import { configure, contentScriptSender, freshProfile, send, startWorker, syncNow } from './support/harness';
import { alumnus, organization } from './support/records';
import { type ScriptedBackend, startScriptedBackend } from './support/scripted-backend';

// A read of an organisation's website, from the content script's side down to the real worker (synced from a
// backend on 127.0.0.1): the page's people and the names in its text go in one page:match, and the names
// come back as spans into the text sent, which the content script turns into ranges over the page's own text.

const URL_OF_PAGE = 'https://www.hikari-health.example/about/team';
const TEAM_PAGE = `<!doctype html><html lang="ja"><head><title>Team — Hikari Health</title>
  <meta property="og:site_name" content="Hikari Health"></head>
  <body><h1>Our team</h1>
  <p>代表取締役の<strong>山田太郎</strong>が創業しました。</p>
  <ul><li><b>Hanako</b> Sato, Head of Design</li><li>Kim Park, Engineering</li></ul>
  <p>Questions? Ask Hanako Sato or 山田 太郎.</p></body></html>`;

let backend: ScriptedBackend;
let worker: BackgroundWorker;
let page: ParsedPage | undefined;

beforeEach(async () => {
  freshProfile();
  backend = await startScriptedBackend();
  backend.upsert(
    'directory',
    alumnus('al-yamada', { names: { display: '山田 太郎', kana: 'やまだ たろう', latin: 'Taro Yamada' }, profileUrls: [], currentEmployer: undefined }),
    alumnus('al-sato', { names: { display: '佐藤 花子', kana: 'さとう はなこ', latin: 'Hanako Sato' }, profileUrls: [], currentEmployer: undefined }),
  );
  backend.upsert('organizations', organization('org-hikari', { name: 'Hikari Health', domains: ['hikari-health.example'], profileUrls: [] }));
  await configure(backend.url, 'recruiter-token');
  worker = startWorker();
  expect(await syncNow(worker)).toMatchObject({ state: 'idle', lastError: null });
});

afterEach(async () => {
  await page?.close();
  await worker?.stop();
  await backend.close();
});

/** The content script's typed client, over the real worker: the reply is parsed with the protocol's schema, as sendMessage does. */
function countingClient() {
  const sent: MessageName[] = [];
  const client: Send = async (type, payload) => {
    sent.push(type);
    return messages[type].response.parse(await send(type, payload, contentScriptSender(7, URL_OF_PAGE))) as never;
  };
  return { sent, client: contentSendOf(client) };
}

describe("reading an organisation's website", () => {
  it('sends one message, and highlights the alumni its text names (kanji and romaji) exactly over their names', async () => {
    page = parseHtml(TEAM_PAGE, URL_OF_PAGE);
    const url = new URL(URL_OF_PAGE);
    const extraction = orgWebsiteAdapter.extract(page.document, 'org-website', url);
    expect(extraction.ok).toBe(true);
    if (!extraction.ok) return;
    const settings = await send('page:get-settings', { site: 'org-website' }, contentScriptSender(7, URL_OF_PAGE));
    const { sent, client } = countingClient();

    const results = await matchExtraction(extraction, {
      url,
      doc: page.document,
      send: client,
      settings,
      signal: new AbortController().signal,
      readNames: readPageNames,
    });

    expect(sent).toEqual(['page:match']);
    const highlighted = results!.highlights.map((h) => [h.alumnusId, h.ranges.map((range) => range.toString())]);
    // One highlight per spelling the page uses, in order of first appearance; a name over two nodes is two ranges.
    expect(highlighted).toEqual([
      ['al-yamada', ['山田太郎']],
      ['al-sato', ['Hanako', ' Sato', 'Hanako Sato']],
      ['al-yamada', ['山田 太郎']],
    ]);
    // The kanji name's range is the text inside <strong> and nothing around it.
    const [kanji] = results!.highlights[0]!.ranges;
    expect(kanji!.startContainer.parentElement?.tagName).toBe('STRONG');
    expect([kanji!.startOffset, kanji!.endOffset]).toEqual([0, 4]);
    // The people named join the page's people once each, as the cards list them.
    expect(results!.people.map((person) => [person.alumnus.id, person.role, person.element])).toEqual([
      ['al-yamada', 'listed', null],
      ['al-sato', 'listed', null],
    ]);
  });

  it('sends no text, and gets no names back, when the user turned name highlighting off', async () => {
    page = parseHtml(TEAM_PAGE, URL_OF_PAGE);
    const url = new URL(URL_OF_PAGE);
    const extraction = orgWebsiteAdapter.extract(page.document, 'org-website', url);
    if (!extraction.ok) throw new Error('unreadable');
    const settings = { ...(await send('page:get-settings', { site: 'org-website' }, contentScriptSender(7, URL_OF_PAGE))), highlightNames: false };
    const { sent, client } = countingClient();
    const results = await matchExtraction(extraction, { url, doc: page.document, send: client, settings, signal: new AbortController().signal, readNames: readPageNames });
    expect(sent).toEqual(['page:match']);
    expect(results!.highlights).toEqual([]);
    expect(results!.people).toEqual([]);
  });
});
