import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumnusId, meetingsFor, tokens } from './support/api';
import { startBackend, type Backend } from './support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { ClosedShadow, eventually } from './support/closed-shadow';
import { configureExtension, ExtensionControl, writeSettings } from './support/extension';
import { startFixtureSite, type FixtureSite } from './support/fixture-site';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { screenshot } from './support/screenshots';
import { sidebarShown, sidebarText } from './support/ui';

// Business matching at an alumni event, in the browser: Sofia Andersson Reyes (an alumna, working at Spotify)
// publishes what she does now; Kenji (recruiter, her relationship owner) sees it on her profile and suggests an
// offer; she sees offers ranked with their reasons, and asks for a meeting about one while the backend is down;
// Emily Carter (sales, the offer's contact) accepts it in her popup; Sofia sees it accepted, with Emily's card.
// Two browsers (the alumna's and a staff member's), one backend.

let backend: Backend;
let site: FixtureSite;
let alumna: ExtensionBrowser;
let staff: ExtensionBrowser;
let alumnaControl: ExtensionControl;
let staffControl: ExtensionControl;
let sofiaId: string;

const GUILD = 'Co-host a frontend guild session with Spotify';
const SHOWCASE = {
  business: 'Andersson Reyes Learning',
  offering: 'Engineering education for product teams: design systems and accessibility workshops.',
  lookingFor: 'Companies that want to train their frontend teams',
  skills: 'Frontend, Accessibility, Design systems',
  email: 'sofia@andersson-reyes.example',
  phone: '+46 8-555-0101',
};

beforeAll(async () => {
  backend = await startBackend();
  site = await startFixtureSite(Object.keys(linkedinPages).map((url) => new URL(url).hostname), linkedinPages);
  sofiaId = await alumnusId(backend.url, 'Sofia Andersson Reyes');
  const sofiaToken = await backend.createToken('alumni', 'Sofia Andersson Reyes', { alumnusId: sofiaId });
  [alumna, staff] = await Promise.all([
    launchWithExtension({ hosts: site.hosts, sitePort: site.port }),
    launchWithExtension({ hosts: site.hosts, sitePort: site.port }),
  ]);
  await configureExtension(alumna, { apiUrl: backend.url, token: sofiaToken });
  await configureExtension(staff, { apiUrl: backend.url, token: tokens.recruiter });
  [alumnaControl, staffControl] = await Promise.all([ExtensionControl.open(alumna), ExtensionControl.open(staff)]);
  await Promise.all([alumnaControl.waitForSync(), staffControl.waitForSync()]);
});

afterAll(async () => {
  await alumna?.dispose();
  await staff?.dispose();
  await site?.close();
  await backend?.dispose();
});

async function syncAgain(control: ExtensionControl): Promise<void> {
  const before = Date.now();
  await control.send('ui:sync-now', {});
  await control.waitForSync(before);
}

async function openExtensionPage(extension: ExtensionBrowser, path: string, width = 420): Promise<Page> {
  const page = await extension.newPage();
  await page.setViewport({ width, height: 1000 });
  await page.goto(`chrome-extension://${extension.extensionId}/${path}`);
  return page;
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);
async function textWith(page: Page, accept: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  let last = '';
  try {
    return await eventually(async () => ((last = await bodyText(page)), accept(last) ? last : undefined), what, timeoutMs, 200);
  } catch (error) {
    throw new Error(`${String(error)}\nLast text:\n${last}`);
  }
}

/** Sets a date-and-time input as the browser's picker does (its value, then the input event). */
async function setDateTime(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (input, v) => {
      (input as HTMLInputElement).value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

/** The offer card in a popup whose title is `title`. */
async function offerCard(page: Page, title: string) {
  return eventually(async () => {
    for (const item of await page.$$('.al-offer')) {
      if ((await item.$eval('h4', (el) => el.textContent?.trim())) === title) return item;
    }
    return undefined;
  }, `the offer "${title}"`);
}

const badge = (extension: ExtensionBrowser) =>
  extension.worker().then((worker) =>
    worker.evaluate(async () => {
      const { action } = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } } }).chrome;
      return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
    }),
  );

describe('An alumna publishes what she does now', () => {
  it('fills her showcase with the keyboard and saves it', async () => {
    const page = await openExtensionPage(alumna, 'showcase.html', 1100);
    await textWith(page, (t) => t.includes('Business or organisation name'), 'the showcase editor');
    const typeInto = async (id: string, text: string) => {
      await page.focus(`#al-editor-${id}`);
      await page.keyboard.type(text);
    };
    await typeInto('businessName', SHOWCASE.business);
    await typeInto('offering', SHOWCASE.offering);
    await typeInto('lookingFor', SHOWCASE.lookingFor);
    await typeInto('skills', SHOWCASE.skills);
    await typeInto('industries', 'Education');
    await typeInto('services', 'Workshops, Coaching');
    await typeInto('website', 'https://andersson-reyes.example');
    // The contact switches are checkboxes: Space toggles the focused one, and its field appears.
    await page.focus('input[type="checkbox"]');
    await page.keyboard.press('Space');
    await typeInto('email', SHOWCASE.email);
    const boxes = await page.$$('input[type="checkbox"]');
    await boxes[1]!.focus();
    await page.keyboard.press('Space');
    await typeInto('phone', SHOWCASE.phone);
    // The preview shows what staff will see.
    await textWith(page, (t) => t.includes(`Now: ${SHOWCASE.offering}`), 'the preview');
    await screenshot(page, 'showcase-editor-en');
    await page.click('button[type="submit"]');
    await textWith(page, (t) => t.includes('Saved. Staff see it after their next sync.'), 'the showcase to be saved');
    const [notice] = await page.$$eval('.al-options-notice', (els) => els.map((el) => el.getAttribute('role')));
    expect(notice).toBe('status');
    await page.close();
  });

  it('is told which fields to fix, and lands on the first of them', async () => {
    const page = await openExtensionPage(alumna, 'showcase.html', 1100);
    await textWith(page, (t) => t.includes(SHOWCASE.business) || (t.includes('Website') && t.includes('Save')), 'the editor');
    await page.waitForFunction((value) => (document.querySelector('#al-editor-businessName') as HTMLInputElement)?.value === value, {}, SHOWCASE.business);
    await page.$eval('#al-editor-website', (el) => (el as HTMLInputElement).select());
    await page.keyboard.type('not a website');
    await page.click('button[type="submit"]');
    await textWith(page, (t) => t.includes('Check the highlighted fields: Website (optional)'), 'the problem');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('al-editor-website');
    expect(await page.$eval('#al-editor-website', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    await page.close();
  });

  it('reads the same editor in Japanese and in dark mode', async () => {
    const dark = await openExtensionPage(alumna, 'showcase.html', 1100);
    await dark.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await textWith(dark, (t) => t.includes('Looking for'), 'the editor with her showcase');
    await screenshot(dark, 'showcase-editor-dark-en');
    await dark.close();
    await writeSettings(await alumna.worker(), { lang: 'ja' });
    const ja = await openExtensionPage(alumna, 'showcase.html', 1100);
    await textWith(ja, (t) => t.includes('事業名・組織名') && t.includes('求めているもの'), 'the Japanese editor');
    await screenshot(ja, 'showcase-editor-ja');
    await writeSettings(await alumna.worker(), { lang: 'auto' });
    await ja.close();
  });
});

describe('Her relationship owner (a recruiter) on her LinkedIn profile', () => {
  it('sees what she does now, her shared contact details, and the offers that fit her with the reasons', async () => {
    await syncAgain(staffControl);
    const page = await staff.newPage();
    await page.setViewport({ width: 1366, height: 1400 });
    await page.goto(linkedin.sofia, { waitUntil: 'load' });
    const shadow = await ClosedShadow.attach(page);
    await sidebarShown(shadow);
    // Section titles are drawn in capitals: matched without regard to case.
    const text = await sidebarText(shadow, (t) => t.includes('Now:') && /offers that fit/i.test(t), 'her showcase and fitting offers');
    expect(text).toContain(SHOWCASE.business);
    expect(text).toContain(`Now: ${SHOWCASE.offering} — Looking for: ${SHOWCASE.lookingFor}`);
    expect(text).toContain(SHOWCASE.email);
    expect(text).toContain(SHOWCASE.phone);
    expect(text).toContain('Concerns Spotify, where they work now');
    expect(text).toContain('Matches their skills: Frontend, Accessibility');
    await screenshot(page, 'sidebar-showcase-en');

    // "Suggest to this alumnus" on the best fit: through the outbox, and she will see who suggested it.
    const sidebar = await sidebarShown(shadow);
    await shadow.click(sidebar, '.al-offer button', 'Suggest to this alumnus');
    await sidebarText(shadow, (t) => t.includes('Suggested. They will see the offer marked with your name.'), 'the suggestion to be sent');
    await shadow.detach();
    await page.close();
  });
});

describe('The alumna in her popup', () => {
  it('sees open offers ranked by fit, each with its reasons and who suggested it', async () => {
    await syncAgain(alumnaControl);
    const page = await openExtensionPage(alumna, 'popup.html');
    const text = await textWith(page, (t) => t.includes('Suggested by Kenji Watanabe'), 'the ranked offers');
    const titles = await page.$$eval('.al-offer h4', (els) => els.map((el) => el.textContent?.trim()));
    expect(titles[0]).toBe(GUILD);
    const first = await offerCard(page, GUILD);
    const reasons = await first.$$eval('.al-reasons li', (els) => els.map((el) => el.textContent?.trim()));
    expect(reasons).toEqual([
      'Suggested by Kenji Watanabe',
      'Concerns Spotify, where you work now',
      'Matches your skills: Frontend, Accessibility',
      'About Design systems, from your showcase',
    ]);
    expect(text).toContain('Matches your skills: Design systems');
    await first.evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'popup-ranked-offers');
    await page.close();
  });

  it('asks for a meeting while the backend is down; it arrives exactly once when the backend is back', async () => {
    const page = await openExtensionPage(alumna, 'popup.html');
    const offer = await offerCard(page, GUILD);
    await backend.stop();
    const request = await offer.waitForSelector('button::-p-text(Request a meeting)');
    await request!.click();
    await page.keyboard.type('I ran the design-system guild at Spotify for two years.');
    await setDateTime(page, '#al-request-offer-spotify-frontend-guild-time-0', '2027-01-12T10:00');
    await setDateTime(page, '#al-request-offer-spotify-frontend-guild-time-1', '2027-01-14T15:30');
    await (await offer.waitForSelector('form button[type="submit"]'))!.click();
    await eventually(async () => ((await offer.$eval('.al-outbox-status', (el) => el.getAttribute('data-state'))) === 'queued' ? true : undefined), 'the request to be queued');
    expect(await offer.$eval('.al-outbox-status', (el) => el.textContent)).toContain('Saved. It will be sent to the backend as soon as it can be reached.');
    await screenshot(page, 'popup-meeting-queued');
    await page.close();

    await backend.start();
    const arrived = await eventually(
      async () => {
        const held = await meetingsFor(backend.url, sofiaId);
        return held.length > 0 ? held : undefined;
      },
      'the queued meeting request to reach the backend',
      120_000,
      1000,
    );
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ offerId: 'offer-spotify-frontend-guild', status: 'requested', awaiting: 'staff' });
    expect(arrived[0]!.proposedTimes).toHaveLength(2);
    await eventually(async () => ((await alumnaControl.send('ui:get-status', {})).pendingOutbox === 0 ? true : undefined), 'the outbox to empty', 30_000, 500);
    await syncAgain(alumnaControl);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await meetingsFor(backend.url, sofiaId)).toHaveLength(1);
  });
});

describe('The offer’s contact (sales) in her popup', () => {
  it('sees "1 meeting request" and the toolbar badge, accepts a time, and gets the alumna’s business card', async () => {
    // The staff browser now belongs to Emily Carter, the contact of the Spotify offer.
    const before = Date.now();
    await configureExtension(staff, { apiUrl: backend.url, token: tokens.sales });
    await staffControl.waitForSync(before);
    await eventually(async () => ((await badge(staff)).text === '1' ? true : undefined), 'the badge to show the request');
    expect((await badge(staff)).title).toBe('Alumni Lens · 1 meeting request(s)');

    const page = await openExtensionPage(staff, 'popup.html');
    const waiting = await textWith(page, (t) => t.includes('1 meeting request'), 'the waiting request');
    expect(waiting).toMatch(/waiting for you/i);
    expect(waiting).toContain('I ran the design-system guild at Spotify for two years.');
    await screenshot(page, 'popup-meeting-request-staff');
    await page.click('.al-popup-waiting button[data-step="accept"]');
    const radios = await page.$$('.al-popup-waiting input[type="radio"]');
    expect(radios).toHaveLength(2);
    // Keyboard: the first time has focus; the arrow key moves to the second.
    await page.keyboard.press('ArrowDown');
    await page.click('.al-popup-waiting form button[type="submit"]');
    const accepted = await textWith(page, (t) => t.includes('Accepted') && t.includes(SHOWCASE.email), 'the accepted meeting with her card', 30_000);
    expect(accepted).toContain(SHOWCASE.phone);
    expect(accepted).toContain(SHOWCASE.business);
    expect(accepted).not.toMatch(/waiting for you/i);
    await screenshot(page, 'popup-meeting-accepted-staff');
    await page.close();
    expect((await badge(staff)).text).toBe('');
    expect((await meetingsFor(backend.url, sofiaId))[0]).toMatchObject({ status: 'accepted', scheduledAt: new Date('2027-01-14T15:30').toISOString() });
  });

  it('sees the meeting history with the alumna on her card', async () => {
    const page = await staff.newPage();
    await page.setViewport({ width: 1366, height: 1600 });
    await page.goto(linkedin.sofia, { waitUntil: 'load' });
    const shadow = await ClosedShadow.attach(page);
    const text = await sidebarText(shadow, (t) => /meetings with Sofia Andersson Reyes/i.test(t) && t.includes('Accepted'), 'the meeting on her card');
    expect(text).toContain(`About: ${GUILD}`);
    const sidebar = await sidebarShown(shadow);
    await shadow.click(sidebar, '.al-meeting-history summary');
    const history = await sidebarText(shadow, (t) => t.includes('Emily Carter accepted'), 'the history');
    expect(history).toContain('Sofia Andersson Reyes asked for a meeting');
    await screenshot(page, 'sidebar-meetings');
    await shadow.detach();
    await page.close();
  });
});

describe('The alumna, after her next sync', () => {
  it('sees the meeting accepted, with the contact details Emily shares', async () => {
    await syncAgain(alumnaControl);
    const page = await openExtensionPage(alumna, 'popup.html');
    const text = await textWith(page, (t) => t.includes('Accepted') && t.includes('emily.carter@sakura-digital.example'), 'the accepted meeting');
    expect(text).toContain('+81 3-5555-0145');
    expect(text).toContain('With Emily Carter');
    await screenshot(page, 'popup-meeting-accepted-alumnus');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await screenshot(page, 'popup-meeting-accepted-alumnus-dark');
    await page.close();
    await writeSettings(await alumna.worker(), { lang: 'ja' });
    const ja = await openExtensionPage(alumna, 'popup.html');
    await textWith(ja, (t) => t.includes('確定') && t.includes('名刺交換'), 'the Japanese popup');
    await screenshot(ja, 'popup-meeting-accepted-alumnus-ja');
    await writeSettings(await alumna.worker(), { lang: 'auto' });
    await ja.close();
  });
});

describe('Staff on an organisation’s page', () => {
  it('see the alumni whose showcase or current employer fits the offers concerning it', async () => {
    const page = await staff.newPage();
    await page.setViewport({ width: 1366, height: 1400 });
    await page.goto(linkedin.audiense, { waitUntil: 'load' });
    const shadow = await ClosedShadow.attach(page);
    const text = await sidebarText(shadow, (t) => /alumni who fit the offers concerning Audiense/i.test(t), 'the fitting alumni');
    expect(text).toContain('Hannah Schmidt');
    expect(text).toContain('Nordlicht Analytics');
    expect(text).toContain('Audience-insight dashboard for Audiense: skills TypeScript, Data visualisation, Product design');
    expect(text).toContain('works at Audiense now');
    await screenshot(page, 'sidebar-org-fitting');
    await shadow.detach();
    await page.close();
  });
});
