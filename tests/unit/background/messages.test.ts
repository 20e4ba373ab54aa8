// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundWorker } from '../../../utils/background/worker';
import { updateSettings } from '../../../utils/config';
import { pageTables } from '../../../utils/i18n/page';
import type { PageSignals } from '../../../utils/signals/schema';
import type { BrowserStubs } from './support/browser-stubs';
import { configure, contentScriptSender, EXTENSION_ID, freshProfile, send, startWorker, syncNow } from './support/harness';
import { alumnus, offer, organization } from './support/records';
import { type ScriptedBackend, startScriptedBackend } from './support/scripted-backend';

let backend: ScriptedBackend;
let worker: BackgroundWorker;
let stubs: BrowserStubs;

beforeEach(async () => {
  stubs = freshProfile();
  backend = await startScriptedBackend();
  backend.upsert(
    'directory',
    alumnus('E2001'),
    alumnus('E2002', {
      names: { display: 'Marcos Ruiz', latin: 'Marcos Ruiz' },
      profileUrls: ['https://www.linkedin.com/in/marcosruiz'],
      currentEmployer: { name: 'Audiense', organizationId: 'org-audiense' },
    }),
  );
  backend.upsert('organizations', organization('org-audiense'));
  backend.upsert('offers', offer('offer-audiense', { organizationId: 'org-audiense' }), offer('offer-elsewhere'));
  await configure(backend.url, 'recruiter-token');
  worker = startWorker();
  await syncNow(worker);
});
afterEach(async () => {
  await worker.stop();
  await backend.close();
});

const sofiaProfile: PageSignals = {
  site: 'linkedin',
  pageKind: 'profile',
  people: [
    {
      name: 'Sofia Andersson Reyes',
      profileUrl: 'https://www.linkedin.com/in/sofia-andersson-reyes',
      currentOrganization: 'Spotify',
      experience: [{ organization: 'Sakura Digital', from: '2009-04', to: '2011-08' }],
    },
    { name: 'Arjun Mehta', profileUrl: 'https://www.linkedin.com/in/arjun-mehta' },
  ],
  organizations: [],
};
const audiensePage: PageSignals = {
  site: 'linkedin',
  pageKind: 'company-people',
  people: [],
  organizations: [{ name: 'Audiense', url: 'https://www.linkedin.com/company/audiense' }],
};

describe('sender checks', () => {
  it('refuses ui:test-connection from a content script, so a page can never make the worker fetch a URL', async () => {
    backend.requests.length = 0;
    await expect(
      send('ui:test-connection', { apiUrl: 'http://127.0.0.1:1/steal', token: 'x' }, contentScriptSender()),
    ).rejects.toThrow('ui:test-connection is not allowed from this sender');
    await expect(send('ui:get-status', {}, contentScriptSender())).rejects.toThrow('not allowed');
    expect(backend.requests).toEqual([]);
  });

  it('accepts ui:test-connection from the options page and reports who the token belongs to', async () => {
    const answer = await send('ui:test-connection', { apiUrl: backend.url, token: 'sales-token' });
    expect(answer).toMatchObject({ ok: true, me: { user: { role: 'sales' } } });
    expect(await send('ui:test-connection', { apiUrl: backend.url, token: 'wrong' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('token was not accepted'),
    });
  });

  it('refuses messages from another extension and payloads that fail their schema', async () => {
    await expect(send('page:match', { url: 'https://x.example/', signals: audiensePage }, { id: 'other-extension' })).rejects.toThrow(
      'not allowed',
    );
    await expect(send('page:log-introduction', { alumnusId: 'E2001', kind: 'bribe' } as never, contentScriptSender())).rejects.toThrow(
      'Invalid page:log-introduction',
    );
  });

  it('ignores messages that are not ours (other listeners may answer them)', async () => {
    const replies = await fakeBrowser.runtime.onMessage.trigger({ hello: 'world' }, { id: EXTENSION_ID } as never);
    expect(replies).toEqual([undefined]);
  });
});

describe('page:match', () => {
  it('matches an alumnus by profile URL with evidence, and never a stranger', async () => {
    const { people } = await send('page:match', { url: 'https://www.linkedin.com/in/sofia-andersson-reyes', signals: sofiaProfile }, contentScriptSender());
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ ref: 0, confidence: 'confirmed', alumnus: { id: 'E2001', relationshipOwner: { name: 'Kenji Watanabe' } } });
    expect(people[0].evidence.length).toBeGreaterThan(0);
  });

  it('lists the alumni working at an organisation now, and the offers concerning it', async () => {
    const { organizations, people } = await send('page:match', { url: 'https://www.linkedin.com/company/audiense/people/', signals: audiensePage }, contentScriptSender());
    expect(people).toEqual([]);
    expect(organizations).toHaveLength(1);
    expect(organizations[0].organization.id).toBe('org-audiense');
    expect(organizations[0].alumni.map((a) => a.id)).toEqual(['E2002']);
    expect(organizations[0].offers.map((o) => o.id)).toEqual(['offer-audiense']);
  });

  it('gives a person the open offers about their current organisation', async () => {
    const signals: PageSignals = { ...sofiaProfile, people: [{ name: 'Marcos Ruiz', profileUrl: 'https://www.linkedin.com/in/marcosruiz' }] };
    const { people } = await send('page:match', { url: 'https://www.linkedin.com/in/marcosruiz', signals }, contentScriptSender());
    expect(people[0].offers.map((o) => o.id)).toEqual(['offer-audiense']);
  });

  it('reads the page as a whole: a People tab says where its people work, and an alumnus is one person of a page', async () => {
    backend.upsert('directory', alumnus('E2003', { names: { display: 'Thomas Reed' }, profileUrls: [], currentEmployer: { name: 'Audiense', organizationId: 'org-audiense' } }));
    await syncNow(worker);
    const tab: PageSignals = { ...audiensePage, people: [{ name: 'Paul Whitaker' }, { name: 'Thomas Reed', profileUrl: 'https://www.linkedin.com/in/thomas-reed-3c9d1e7f' }] };
    const listed = await send('page:match', { url: 'https://www.linkedin.com/company/audiense/people/', signals: tab }, contentScriptSender());
    expect(listed.people.map((p) => [p.ref, p.alumnus.id, p.confidence])).toEqual([[1, 'E2003', 'likely']]);
    expect(listed.people[0]!.evidence).toContainEqual({ kind: 'listed-at-employer', values: { organization: 'Audiense', page: 'people-tab' } });
    expect(listed.people[0]!.offers.map((o) => o.id)).toEqual(['offer-audiense']);

    const profile: PageSignals = {
      ...sofiaProfile,
      people: [sofiaProfile.people[0]!, { name: 'Sofia Reyes', profileUrl: 'https://www.linkedin.com/in/sofia-reyes-77' }],
    };
    const { people } = await send('page:match', { url: 'https://www.linkedin.com/in/sofia-andersson-reyes', signals: profile }, contentScriptSender());
    expect(people.map((p) => [p.ref, p.alumnus.id])).toEqual([[0, 'E2001']]);
  });

  it("gives content scripts the in-page strings of the user's language, which they no longer carry", async () => {
    await updateSettings((s) => ({ ...s, lang: 'ja' }));
    const japanese = await send('page:get-settings', { site: 'linkedin' }, contentScriptSender());
    expect(japanese.lang).toBe('ja');
    expect(japanese.strings['sidebar.label']).toBe(pageTables.ja['sidebar.label']);
    await updateSettings((s) => ({ ...s, lang: 'en' }));
    expect((await send('page:get-settings', { site: 'linkedin' }, contentScriptSender())).strings['sidebar.label']).toBe('Alumni Lens: alumni on this page');
  });

  it('answers nothing for a site the user turned off, though it answered a moment before', async () => {
    const before = await send('page:match', { url: 'https://www.linkedin.com/in/sofia-andersson-reyes', signals: sofiaProfile }, contentScriptSender());
    expect(before.people.map((person) => person.alumnus.id)).toEqual(['E2001']);
    await updateSettings((s) => ({ ...s, sites: { linkedin: false } }));
    const { people } = await send('page:match', { url: 'https://www.linkedin.com/in/sofia-andersson-reyes', signals: sofiaProfile }, contentScriptSender());
    expect(people).toEqual([]);
    expect((await send('page:get-settings', { site: 'linkedin' }, contentScriptSender())).enabled).toBe(false);
  });

  it('records what was recognised per tab, and the record survives a restarted worker', async () => {
    await send('page:match', { url: 'https://www.linkedin.com/in/sofia-andersson-reyes', signals: sofiaProfile }, contentScriptSender(7));
    await worker.stop();
    worker = startWorker();
    expect(await send('ui:tab-recognition', { tabId: 7 })).toEqual({
      url: 'https://www.linkedin.com/in/sofia-andersson-reyes',
      site: 'linkedin',
      pageKind: 'profile',
      people: 1,
      organizations: 0,
      names: ['Sofia Andersson Reyes'],
    });
    expect(await send('ui:tab-recognition', { tabId: 8 })).toBeNull();

    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await send('ui:tab-recognition', { tabId: 7 })).toBeNull());
  });
});

describe('the alumni role', () => {
  it("shows every open offer on the company's own website, and no organisation elsewhere", async () => {
    await configure(backend.url, 'alumni-token');
    await syncNow(worker);
    const ownSite: PageSignals = {
      site: 'orgsite',
      pageKind: 'org-website',
      people: [],
      organizations: [{ name: 'Sakura Digital', url: 'https://careers.sakura-digital.example/jobs', domain: 'sakura-digital.example' }],
    };
    const { organizations } = await send('page:match', { url: 'https://careers.sakura-digital.example/jobs', signals: ownSite }, contentScriptSender());
    expect(organizations).toHaveLength(1);
    expect(organizations[0].organization.name).toBe('Sakura Digital');
    expect(organizations[0].alumni).toEqual([]);
    expect(organizations[0].offers.map((o) => o.id).sort()).toEqual(['offer-audiense', 'offer-elsewhere']);

    const elsewhere = await send('page:match', { url: 'https://www.linkedin.com/company/audiense/', signals: audiensePage }, contentScriptSender());
    expect(elsewhere.organizations).toEqual([]);
    expect((await send('page:get-settings', { site: 'orgsite' }, contentScriptSender())).role).toBe('alumni');
  });
});

describe('other page messages', () => {
  it('logs an introduction through the outbox and loads it back only when asked', async () => {
    const status = await send(
      'page:log-introduction',
      { alumnusId: 'E2001', kind: 'referral', note: 'Coffee next week', context: { site: 'linkedin' } },
      contentScriptSender(),
    );
    expect(status.state).toBe('sent');
    expect(backend.posted.size).toBe(1);
    expect(await send('page:outbox-status', { ids: [status.id] }, contentScriptSender())).toEqual([status]);
    const { introductions } = await send('page:load-introductions', { alumnusId: 'E2001' }, contentScriptSender());
    expect(introductions.map((i) => i.note)).toEqual(['Coffee next week']);
  });

  it('counts diagnostics for layouts not recognised', async () => {
    const diagnostic = { adapter: 'linkedin', pageKind: 'profile', missing: 'experience section' };
    await send('page:report-diagnostic', diagnostic, contentScriptSender());
    await send('page:report-diagnostic', diagnostic, contentScriptSender());
    expect((await send('ui:get-diagnostics', {})).unrecognised).toEqual([{ ...diagnostic, count: 2 }]);
  });

  it('keeps what each reading layer found on a list page that gave nobody, counts only', async () => {
    const layers = { structured: 0, anchors: 10, memberLinks: 20, rejected: { presence: 7, placeholder: 3 } };
    const diagnostic = { adapter: 'linkedin', pageKind: 'search-people', missing: 'search results; every name refused by the name guard (placeholder, presence)' };
    await send('page:report-diagnostic', { ...diagnostic, layers }, contentScriptSender());
    expect((await send('ui:get-diagnostics', {})).unrecognised).toEqual([{ ...diagnostic, layers, count: 1 }]);
    // Page text posing as a reason is refused at the boundary, and nothing is stored.
    const hostile = { ...diagnostic, layers: { ...layers, rejected: { ['x'.repeat(200)]: 1 } } };
    await expect(send('page:report-diagnostic', hostile, contentScriptSender())).rejects.toThrow();
    expect((await send('ui:get-diagnostics', {})).unrecognised).toHaveLength(1);
  });

  it('opens the options page', async () => {
    await send('page:open-options', {}, contentScriptSender());
    expect(stubs.optionsPageOpened).toBe(1);
  });

  it("gives the options page the synced organisations' and the company's domains as match patterns, and refuses a content script", async () => {
    const { patterns } = await send('ui:organization-patterns', {});
    expect(patterns).toEqual(expect.arrayContaining(['https://audiense.com/*', 'https://*.audiense.com/*', 'https://sakura-digital.example/*']));
    expect(patterns).toHaveLength(4);
    await expect(send('ui:organization-patterns', {}, contentScriptSender())).rejects.toThrow('not allowed');
  });

  it('gives the popup its status', async () => {
    expect(await send('ui:get-status', {})).toMatchObject({
      me: { user: { role: 'recruiter' } },
      sync: { state: 'idle' },
      directorySize: 2,
      organizationsCount: 1,
      openOffers: 2,
      pendingOutbox: 0,
      failedOutbox: [],
      configSource: 'local',
    });
  });
});
