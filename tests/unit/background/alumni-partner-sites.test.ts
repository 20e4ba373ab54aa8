// @vitest-environment node
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../../server/index';
import { startDemoServer } from '../../support/demo-server';
import { demoIds, demoOffers } from '../../../server/seed/demo-data';
import type { BackgroundWorker } from '../../../utils/background/worker';
import type { RequestOf } from '../../../utils/messaging/protocol';
import { orgWebsiteAdapter } from '../../../utils/sites/index';
import { parseHtml } from '../../../scripts/saved-pages/node-dom';
import type { BrowserStubs } from './support/browser-stubs';
import { configure, contentScriptSender, freshProfile, send, startWorker, syncNow } from './support/harness';
import { offer, organization } from './support/records';
import { type ScriptedBackend, startScriptedBackend } from './support/scripted-backend';

// An alumnus sees offers in the sidebar on the company's own site and on the websites of the
// organisations open offers concern, and nowhere else. The worker against the real backend (demo
// seed, PGlite in memory) over HTTP on 127.0.0.1; page signals come from the organisation-website
// adapter reading a page, as the content script would send them.

const EVENTUALLY = { timeout: 10_000, interval: 20 };

/** What the org-website content script sends for `html` served at `url`. */
async function orgWebsiteMatch(html: string, url: string): Promise<RequestOf<'page:match'>> {
  const page = parseHtml(html, url);
  try {
    const extraction = orgWebsiteAdapter.extract(page.document, 'org-website', new URL(url));
    if (!extraction.ok) throw new Error(`The adapter could not read ${url}: ${extraction.diagnostic.missing}`);
    return { url, signals: extraction.signals };
  } finally {
    await page.close();
  }
}

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/org-website/${name}`, import.meta.url), 'utf8');
const plainSite = (name: string) => `<!doctype html><html><head><title>${name}</title></head><body><h1>${name}</h1><p>Welcome.</p></body></html>`;
const openOfferIds = (organizationId?: string) =>
  demoOffers
    .filter((o) => (o.status ?? 'open') === 'open' && (organizationId === undefined || o.organizationId === organizationId))
    .map((o) => o.id)
    .sort();

let stubs: BrowserStubs;
let worker: BackgroundWorker;

describe('an alumnus on organisation websites (real backend)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startDemoServer();
  }, 120_000);
  afterAll(() => server?.close());
  beforeEach(async () => {
    stubs = freshProfile();
    await configure(server.url, 'demo-alumni-token');
    worker = startWorker();
    expect(await syncNow(worker)).toMatchObject({ state: 'idle', lastError: null });
  });
  afterEach(() => worker?.stop());

  it("sees the open offers concerning Audiense on Audiense's website, and only those", async () => {
    const request = await orgWebsiteMatch(fixture('audiense-team.html'), 'https://www.audiense.com/team');
    const { organizations, people } = await send('page:match', request, contentScriptSender(3, request.url));
    expect(people).toEqual([]);
    expect(organizations).toHaveLength(1);
    expect(organizations[0]).toMatchObject({ ref: 0, organization: { id: demoIds.audiense, name: 'Audiense' }, alumni: [] });
    expect(organizations[0].offers.map((o) => o.id).sort()).toEqual(openOfferIds(demoIds.audiense));
    expect(openOfferIds(demoIds.audiense)).toHaveLength(2);
    // The popup's record of the tab names what the sidebar showed.
    expect(await send('ui:tab-recognition', { tabId: 3 })).toMatchObject({ organizations: 1, names: ['Audiense'] });
  });

  it('sees nothing on the website of an organisation no open offer concerns, and the worker never holds it', async () => {
    for (const url of ['https://www.hikari-health.example/', 'https://kaze-games.example/careers']) {
      const request = await orgWebsiteMatch(plainSite('Some organisation'), url);
      expect(await send('page:match', request, contentScriptSender())).toEqual({ people: [], organizations: [] });
    }
    const held = (await (await worker.ready).db.getAll('organizations')).map((o) => o.id).sort();
    expect(held).toEqual([demoIds.audiense, demoIds.miraiBank, demoIds.spotify].sort());
  });

  it("still sees every open offer on the company's own site", async () => {
    const request = await orgWebsiteMatch(fixture('sakura-digital-home.html'), 'https://sakura-digital.example/');
    const { organizations } = await send('page:match', request, contentScriptSender());
    expect(organizations).toHaveLength(1);
    expect(organizations[0].organization.name).toBe('Sakura Digital');
    expect(organizations[0].offers.map((o) => o.id).sort()).toEqual(openOfferIds());
  });

  it('gets the website script on granted domains of concerned organisations only', async () => {
    await stubs.grant('https://audiense.com/*', 'https://*.audiense.com/*', 'https://hikari-health.example/*', 'https://*.hikari-health.example/*');
    await vi.waitFor(() => expect(stubs.registered.get('alumni-lens-orgsite')?.matches?.sort()).toEqual(['https://*.audiense.com/*', 'https://audiense.com/*']), EVENTUALLY);
  });

  // Last: it closes an offer on the shared backend.
  it("loses an organisation's offers and its website script once its last offer closes", async () => {
    await stubs.grant('https://mirai-bank.example/*', 'https://*.mirai-bank.example/*');
    await vi.waitFor(() => expect(stubs.registered.get('alumni-lens-orgsite')?.matches).toContain('https://mirai-bank.example/*'), EVENTUALLY);
    const request = await orgWebsiteMatch(plainSite('株式会社みらい銀行'), 'https://www.mirai-bank.example/');
    expect((await send('page:match', request, contentScriptSender())).organizations[0].offers.map((o) => o.id)).toEqual(['offer-mirai-bank-mobile']);

    const closed = await fetch(`${server.url}/api/v1/admin/offers/offer-mirai-bank-mobile/close`, { method: 'POST', headers: { authorization: 'Bearer demo-admin-token' } });
    expect(closed.status).toBe(200);
    await syncNow(worker);
    expect(await send('page:match', request, contentScriptSender())).toEqual({ people: [], organizations: [] });
    expect(await (await worker.ready).db.get('organizations', demoIds.miraiBank)).toBeUndefined();
    await vi.waitFor(() => expect(stubs.registered.has('alumni-lens-orgsite')).toBe(false), EVENTUALLY);
  });
});

describe('an alumnus and an organisation the backend sent without an open offer', () => {
  let backend: ScriptedBackend;
  beforeEach(async () => {
    stubs = freshProfile();
    backend = await startScriptedBackend();
  });
  afterEach(async () => {
    await worker?.stop();
    await backend.close();
  });

  it('shows nothing on its website: only offers decide what an alumnus sees', async () => {
    // As an older backend might: every organisation, and one closed offer about Audiense.
    backend.upsert('organizations', organization('org-audiense'), organization('org-spotify', { name: 'Spotify', domains: ['spotify.com'], profileUrls: [] }));
    backend.upsert('offers', offer('offer-closed', { organizationId: 'org-audiense', status: 'closed' }), offer('offer-spotify', { organizationId: 'org-spotify' }));
    await configure(backend.url, 'alumni-token');
    worker = startWorker();
    await syncNow(worker);
    const audiense = await orgWebsiteMatch(fixture('audiense-team.html'), 'https://www.audiense.com/team');
    expect(await send('page:match', audiense, contentScriptSender())).toEqual({ people: [], organizations: [] });
    const spotify = await orgWebsiteMatch(plainSite('Spotify'), 'https://www.spotify.com/about');
    expect((await send('page:match', spotify, contentScriptSender())).organizations.map((o) => o.offers.map((x) => x.id))).toEqual([['offer-spotify']]);
  });
});
