import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introductionsFor, alumnusId, tokens } from './support/api';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { requestsInNetLog, type LoggedRequest } from './support/net-log';
import { screenshot } from './support/screenshots';
import { startStory, type Story } from './support/story';
import { sidebarShown, sidebarText } from './support/ui';

// PRIVACY.md's checkable claims, in one recruiter's browsing session: the extension talks to the configured
// backend and nothing else; what it sends there while you browse is sync (cursors), never the pages you
// view; the one thing a page address reaches the backend in is the introduction you log. Chromium records
// every request its network stack starts, in every process (tabs, the extension's service worker, the
// browser itself), into a NetLog; the test reads that log after the browser has closed.

let story: Story;
let logDir: string;
let requests: LoggedRequest[];
let backendOrigin: string;
let extensionOrigin: string;
const pageHosts = new Set(Object.keys(linkedinPages).map((url) => new URL(url).host));

beforeAll(async () => {
  logDir = await mkdtemp(join(tmpdir(), 'netlog-'));
  story = await startStory({
    token: tokens.recruiter,
    pages: linkedinPages,
    browserArgs: [`--log-net-log=${join(logDir, 'netlog.json')}`, '--net-log-capture-mode=Default'],
  });
  backendOrigin = new URL(story.backend.url).origin;
  extensionOrigin = `chrome-extension://${story.extension.extensionId}`;

  // The session: a profile of an alumna (her card; logging a referral), a People tab, a company page, a
  // profile of someone who is no alumnus, the popup and the options page with its privacy policy, a sync.
  const { page: profile, shadow } = await story.open(linkedin.sofia);
  const sidebar = await sidebarShown(shadow);
  await shadow.select(sidebar, '.al-intro-form select', 'referral');
  await shadow.type(sidebar, '.al-intro-form textarea', 'Met at the design meetup');
  await shadow.click(sidebar, '.al-intro-form button[type="submit"]');
  await sidebarText(shadow, (t) => t.includes('Logged. The backend has it.'), 'the introduction to be sent');
  for (const url of [linkedin.audiensePeople, linkedin.audiense, linkedin.arjun]) {
    const { page } = await story.open(url);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // time for the content script to read and ask
    await page.close();
  }
  const popup = await story.extension.newPage();
  await popup.goto(`${extensionOrigin}/popup.html`, { waitUntil: 'load' });
  const options = await story.extension.newPage();
  await options.goto(`${extensionOrigin}/options.html`, { waitUntil: 'load' });
  const policyLink = await options.waitForSelector('a[href$="privacy/en.html"]');
  const opened = new Promise<import('puppeteer-core').Page | null>((resolve) =>
    story.extension.browser.once('targetcreated', (target) => resolve(target.page())),
  );
  await policyLink!.click();
  const policy = await opened;
  await policy!.waitForFunction(() => document.querySelector('h1')?.textContent === 'Alumni Lens privacy policy');
  await screenshot(policy!, 'privacy-policy-en');
  const syncedBefore = Date.now();
  await story.control.send('ui:sync-now', {});
  await story.control.waitForSync(syncedBefore);
  await profile.close();

  await story.extension.close(); // writes the NetLog's end
  requests = await requestsInNetLog(join(logDir, 'netlog.json'));
});

afterAll(async () => {
  await story?.dispose();
  await rm(logDir, { recursive: true, force: true });
});

const fromExtension = (r: LoggedRequest) => r.initiator === extensionOrigin;
/** Started by the browser itself: Chromium's NetLog says "not an origin" (or nothing). */
const byBrowser = (r: LoggedRequest) => r.initiator === undefined || r.initiator === 'not an origin';
const network = (r: LoggedRequest) => /^(https?|wss?):/.test(r.url);

/** Hosts a saved page refers to itself (its CDNs, images): the page, not the extension, asks for those. */
async function hostsNamedByPages(): Promise<Set<string>> {
  const hosts = new Set<string>(pageHosts);
  for (const page of Object.values(linkedinPages)) {
    const html = 'file' in page ? await readFile(page.file, 'utf8') : page.html;
    for (const match of html.matchAll(/https?:(?:\/\/|\\u002F\\u002F|&#x2F;&#x2F;)([a-z0-9.-]+\.[a-z]{2,})/gi)) hosts.add(match[1]!.toLowerCase());
  }
  return hosts;
}

describe('During a browsing session, the extension', () => {
  it('sends its requests to the configured backend only', () => {
    const mine = requests.filter(fromExtension).filter(network);
    expect(mine.length).toBeGreaterThan(5);
    expect([...new Set(mine.map((r) => new URL(r.url).origin))]).toEqual([backendOrigin]);
  });

  it('makes the browser contact no host but the backend and the pages’ own', async () => {
    const allowed = await hostsNamedByPages();
    const byPages = requests.filter(network).filter((r) => !fromExtension(r) && !byBrowser(r));
    expect(byPages.length).toBeGreaterThan(0);
    const elsewhere = byPages.filter((r) => !allowed.has(new URL(r.url).hostname));
    expect(elsewhere.map((r) => `${r.method} ${r.url} (${r.initiator})`)).toEqual([]);
    // Only the extension talks to the backend: no page does.
    expect(requests.filter((r) => new URL(r.url).origin === backendOrigin && !fromExtension(r))).toEqual([]);
    // What the browser starts itself carries no initiator: the tabs' navigations (the addresses the user
    // opened), and Chromium's own services that the test's switches do not silence (autofill hints,
    // spell-check dictionaries, updates), which go to Google's hosts — nothing of the extension's hides there.
    const browserHosts = new Set(requests.filter(network).filter(byBrowser).map((r) => new URL(r.url).hostname));
    expect([...browserHosts].filter((host) => !pageHosts.has(host) && !/(^|\.)(google\.com|googleapis\.com|gvt1\.com)$/.test(host))).toEqual([]);
  });

  it('asks the backend only for sync feeds, who it is, and past introductions when asked; it posts what the user logged and its outbox counts', () => {
    const toBackend = requests.filter((r) => new URL(r.url).origin === backendOrigin);
    // CORS preflights (OPTIONS) go to the same addresses before the requests they announce.
    const calls = toBackend.filter((r) => r.method !== 'OPTIONS').map((r) => {
      const url = new URL(r.url);
      return { call: `${r.method} ${url.pathname}`, query: [...url.searchParams.keys()] };
    });
    const endpoints = new Set(calls.map((c) => c.call));
    expect([...endpoints].sort()).toEqual([
      'GET /api/v1/directory',
      // The first sync's whole directory in one response; deltas after it from /directory.
      'GET /api/v1/directory/snapshot',
      'GET /api/v1/me',
      'GET /api/v1/meetings',
      'GET /api/v1/offers',
      'GET /api/v1/organizations',
      // After each sync: two counts of the outbox (PRIVACY.md), nothing about pages.
      'POST /api/v1/clients/status',
      'POST /api/v1/introductions',
    ]);
    // A sync feed carries a cursor and a page size: nothing else.
    for (const { query } of calls) expect(query.every((key) => key === 'since' || key === 'limit')).toBe(true);
    // No request line names a page that was viewed, or the site.
    expect(toBackend.filter((r) => /linkedin|sofia|arjun|audiense/i.test(r.url))).toEqual([]);
    expect(calls.filter((c) => c.call === 'POST /api/v1/introductions')).toHaveLength(1);
    const preflights = toBackend.filter((r) => r.method === 'OPTIONS').map((r) => new URL(r.url).pathname);
    expect(preflights.every((path) => calls.some((c) => c.call.endsWith(` ${path}`)))).toBe(true);
  });

  it('and the backend holds the one introduction, with the address of the page it was logged on', async () => {
    const held = await introductionsFor(story.backend.url, await alumnusId(story.backend.url, 'Sofia Andersson Reyes'));
    expect(held.map((i) => i.context.url)).toEqual([linkedin.sofia]);
  });
});
