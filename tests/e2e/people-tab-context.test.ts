import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAlumni, tokens } from './support/api';
import { clickBadge, namesNextTo, visibleBadges } from './support/badges';
import { writeSettings } from './support/extension';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { screenshot } from './support/screenshots';
import { startStory, type Story } from './support/story';
import { sidebarText } from './support/ui';

// Issue 15: a People tab says where the people it lists work. An alumnus whose current employer on file is
// the page's company, and whose profile the directory does not know, is likely — because of the page.

let story: Story;

const NAMES = 'main .org-people-profile-card__profile-card-spacing .artdeco-entity-lockup__title';

beforeAll(async () => {
  story = await startStory({ token: tokens.sales, pages: linkedinPages });
  // Thomas Reed (listed on the fixture's People tab) as an alumnus now at Audiense, with no profile URL on file;
  // Paul Whitaker (listed there too) as an alumnus whose employer on file is another firm.
  await importAlumni(
    story.backend.url,
    [
      'employee_id,display_name,latin,tenure_from,tenure_to,department,current_employer,current_employer_org_id,current_title,consent_recognition,consent_offers',
      'E9001,Thomas Reed,Thomas Reed,2012-04,2016-03,Partnerships,Audiense,org-audiense,Head of Partnerships,true,true',
      'E9002,Paul Whitaker,Paul Whitaker,2005-04,2009-03,Sales,Spotify,org-spotify,Advisor,true,true',
    ].join('\n'),
  );
  const asked = Date.now();
  await story.control.send('ui:sync-now', {});
  await story.control.waitForSync(asked);
});

afterAll(async () => {
  await story?.dispose();
});

describe("A salesperson on a client firm's People tab", () => {
  it("sees an alumnus whose employer on file is the firm as likely, because the page lists them, and the card says so", async () => {
    const { page, shadow } = await story.open(linkedin.audiensePeople);
    await page.setViewport({ width: 1366, height: 2400 });
    const badges = await visibleBadges(shadow, 4);
    const names = await namesNextTo(page, badges, NAMES);
    const thomas = badges[names.indexOf('Thomas Reed')];
    expect([...names].sort()).toEqual(['Julien Moreau', 'Marcos Ruiz', 'Paul Whitaker', 'Thomas Reed']);
    expect(thomas?.label).toBe('Likely alumnus — show why');

    await clickBadge(page, thomas!);
    const card = await sidebarText(shadow, (t) => t.includes('Thomas Reed') && /why we think so/i.test(t), "Thomas Reed's card");
    expect(card).toContain('Likely alumnus');
    expect(card).toContain('Listed on Audiense’s People page; Audiense is the current employer on file.');
    expect(card).not.toMatch(/nothing on the page|says nothing/);
    await screenshot(page, 'people-tab-listed-at-employer-en');
    await page.close();
  });

  it('sees an alumnus listed there whose employer on file is another firm as possible, and the card says what the page shows', async () => {
    const { page, shadow } = await story.open(linkedin.audiensePeople);
    await page.setViewport({ width: 1366, height: 2400 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const badges = await visibleBadges(shadow, 4);
    const paul = badges[(await namesNextTo(page, badges, NAMES)).indexOf('Paul Whitaker')]!;
    expect(paul.label).toBe('Possible alumnus — show why');
    await clickBadge(page, paul);
    const card = await sidebarText(shadow, (t) => t.includes('Paul Whitaker') && /why we think so/i.test(t), "Paul Whitaker's card");
    expect(card).toContain('Possible alumnus');
    expect(card).toContain('Listed on Audiense’s People page, but the current employer on file is Spotify.');
    expect(card).toContain('Only the name matches; the page says nothing about time at Sakura Digital.');
    await screenshot(page, 'people-tab-listed-elsewhere-dark-en');
    await page.close();
  });

  it('reads the same in Japanese', async () => {
    await writeSettings(await story.extension.worker(), { lang: 'ja' });
    try {
      const { page, shadow } = await story.open(linkedin.audiensePeople);
      await page.setViewport({ width: 1366, height: 2400 });
      const badges = await visibleBadges(shadow, 4);
      const names = await namesNextTo(page, badges, NAMES);
      const thomas = badges[names.indexOf('Thomas Reed')]!;
      expect(thomas.label).toBe('アルムナイ(可能性大) — 根拠を表示');
      await clickBadge(page, thomas);
      const card = await sidebarText(shadow, (t) => t.includes('Thomas Reed') && t.includes('判定の根拠'), "Thomas Reed's card in Japanese");
      expect(card).toContain('アルムナイ(可能性大)');
      expect(card).toContain('Audienseの「社員」ページに掲載されています。名簿の現在の勤務先もAudienseです。');
      await screenshot(page, 'people-tab-listed-at-employer-ja');
      await page.close();
    } finally {
      await writeSettings(await story.extension.worker(), { lang: 'auto' });
    }
  });
});
