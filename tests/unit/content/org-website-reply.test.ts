import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readPageNames } from '../../../utils/content/name-highlights';
import { forAdapter, runSiteScript } from '../../../utils/content/runtime';
import { pageTables } from '../../../utils/i18n/page';
import type { PageSettings, RequestOf } from '../../../utils/messaging/protocol';
import { orgWebsiteAdapter } from '../../../utils/sites/org-website';
import { yamada } from '../components/fixtures';
import { forgetPageUi, injectPageUi } from './page-ui-injection';

// The content script on an organisation's website with its real client (sendMessage parses every reply with
// the protocol's schema): what the worker answers about names in the text is checked at the boundary, and a
// reply that breaks it shows nothing and breaks nothing.

const PAGE = 'https://www.hikari-health.example/team';
const settings: PageSettings = { enabled: true, collapsed: false, highlightNames: true, lang: 'en', role: 'recruiter', configured: true, strings: pageTables.en };

type MatchRequest = RequestOf<'page:match'>;

/** The worker, behind browser.runtime.sendMessage: `named` answers page:match from the text it was sent. */
function worker(named: (text: string) => unknown) {
  const sent: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; payload: unknown }) => {
    sent.push(message.type);
    if (message.type === 'page:get-settings') return settings;
    if (message.type === 'page:match') {
      const { text } = message.payload as MatchRequest;
      return { people: [], organizations: [], named: named(text ?? '') };
    }
    // The card of someone shown loads what it lists about them by itself.
    if (message.type === 'page:meetings') return { meetings: [], pending: [] };
    if (message.type === 'page:offer-fits') return { fits: [] };
    if (message.type === 'page:load-ui') return injectPageUi();
    return { ok: true };
  }) as never);
  return sent;
}

const yamadaMatch = ({ ref: 1, alumnus: yamada, confidence: 'likely', evidence: [], offers: [] });

const attached: ShadowRoot[] = [];
const realAttachShadow = Element.prototype.attachShadow;
/** What each highlight covers: happy-dom does no layout, so a range gets a box and says which text it is over. */
const covered: string[] = [];
const highlights = () => attached.flatMap((root) => [...root.querySelectorAll('[data-variant="highlight"]')]);
const contexts: ContentScriptContext[] = [];

function startScript() {
  const ctx = new ContentScriptContext('orgsite');
  contexts.push(ctx);
  return runSiteScript(ctx, { ...forAdapter(orgWebsiteAdapter), readNames: readPageNames, anchorTimeoutMs: 200, onDataChanged: () => () => undefined });
}

beforeEach(() => {
  forgetPageUi();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(PAGE);
  document.documentElement.innerHTML =
    '<head><title>Team — Hikari Health</title></head><body><h1>Hikari Health</h1><p>代表の<strong>山田太郎</strong>です。</p></body>';
  attached.length = 0;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = realAttachShadow.call(this, init);
    attached.push(root);
    return root;
  });
  covered.length = 0;
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    covered.push(this.toString());
    return [new DOMRect(100 + this.startOffset * 16, 40, (this.endOffset - this.startOffset) * 16, 18)] as unknown as DOMRectList;
  });
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    callback(0);
    return 1;
  });
});

afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

describe("the worker's answer about names in an organisation website's text", () => {
  it('highlights the name where the spans say, from the one page:match', async () => {
    const sent = worker((text) => [{ match: yamadaMatch, spans: [{ start: text.indexOf('山田太郎'), end: text.indexOf('山田太郎') + 4 }] }]);
    await startScript();
    await vi.waitFor(() => expect(highlights()).toHaveLength(1));
    const reading = sent.filter((type) => type !== 'page:meetings' && type !== 'page:offer-fits');
    // One page:match; then, with a name to highlight, the in-page UI is asked for (page:load-ui).
    expect(reading).toEqual(['page:get-settings', 'page:match', 'page:load-ui']);
    // Over the four characters of the name inside <strong> (its text node's offsets 0–4), and nothing else.
    expect(new Set(covered)).toEqual(new Set(['山田太郎']));
    const mark = highlights()[0] as HTMLElement;
    expect([mark.style.left, mark.style.width]).toEqual(['100px', '64px']);
  });

  it.each([
    ['a span that ends before it starts', () => [{ match: yamadaMatch, spans: [{ start: 5, end: 3 }] }]],
    ['a negative offset', () => [{ match: yamadaMatch, spans: [{ start: -4, end: 2 }] }]],
    ['an offset that is not a whole number', () => [{ match: yamadaMatch, spans: [{ start: 0.5, end: 4 }] }]],
    ['offsets as text', () => [{ match: yamadaMatch, spans: [{ start: '0', end: '4' }] }]],
    ['no span at all', () => [{ match: yamadaMatch, spans: [] }]],
    ['names that are not a list', () => 'yamada'],
  ])('refuses %s: no highlight, no crash, the failure reported', async (_what, named) => {
    const failures: unknown[] = [];
    vi.spyOn(console, 'debug').mockImplementation((...args: unknown[]) => void failures.push(args[1]));
    const sent = worker(named);
    await expect(startScript()).resolves.toBeUndefined();
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    expect(String(failures[0])).toMatch(/Unexpected answer to page:match/);
    expect(sent).toEqual(['page:get-settings', 'page:match']);
    expect(highlights()).toHaveLength(0);
  });

  it('draws nothing for a span past the text it sent, and still highlights the span that is in it', async () => {
    worker((text) => [
      {
        match: yamadaMatch,
        spans: [
          { start: text.length + 10, end: text.length + 14 },
          { start: text.indexOf('山田太郎'), end: text.indexOf('山田太郎') + 4 },
        ],
      },
    ]);
    await startScript();
    await vi.waitFor(() => expect(highlights()).toHaveLength(1));
    expect(new Set(covered)).toEqual(new Set(['山田太郎']));
  });
});
