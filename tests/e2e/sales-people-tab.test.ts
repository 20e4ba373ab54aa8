import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './support/api';
import { clickBadge, namesNextTo, visibleBadges } from './support/badges';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { screenshot } from './support/screenshots';
import { startStory, type Story } from './support/story';
import { sidebarText } from './support/ui';

// A salesperson (demo-sales-token) looks at a client firm's People tab on LinkedIn.

let story: Story;

beforeAll(async () => {
  story = await startStory({ token: tokens.sales, pages: linkedinPages });
});

afterAll(async () => {
  await story?.dispose();
});

const NAMES = 'main .org-people-profile-card__profile-card-spacing .artdeco-entity-lockup__title';

describe('A salesperson on the People tab of a client firm', () => {
  it('sees a badge next to exactly the alumni who work there (Marcos Ruiz, Julien Moreau), none on the others', async () => {
    const { page, shadow } = await story.open(linkedin.audiensePeople);
    // Tall enough for every card to be on screen: badges are drawn for what is visible.
    await page.setViewport({ width: 1366, height: 2400 });
    const badges = await visibleBadges(shadow, 2);

    // Which name each badge sits next to, as a person sees it: right after the name, on the same line.
    const names = await namesNextTo(page, badges, NAMES);
    expect(names.sort()).toEqual(['Julien Moreau', 'Marcos Ruiz']);
    await screenshot(page, 'badges-people-tab');

    // The sidebar gives the organisation's view: the alumni there now, and offers that concern it.
    const text = await sidebarText(shadow, (t) => t.includes('Audiense') && t.includes('Marcos Ruiz') && t.includes('Julien Moreau'), 'the organisation overview');
    expect(text).toContain('Audience-insight dashboard for Audiense');
    expect(text).not.toContain('Paul Whitaker');
    await page.close();
  });

  it('opens the alumnus in the sidebar from the badge', async () => {
    const { page, shadow } = await story.open(linkedin.audiensePeople);
    await page.setViewport({ width: 1366, height: 2400 });
    const before = await visibleBadges(shadow, 2);
    expect(before.length).toBe(2);
    // The first badge in the page's order is Marcos Ruiz's (he is listed before Julien Moreau).
    const first = [...before].sort((a, b) => a.top - b.top || a.left - b.left)[0]!;
    await clickBadge(page, first);
    const card = await sidebarText(shadow, (t) => t.includes('Infrastructure'), "Marcos Ruiz's card");
    expect(card).toContain('Marcos Ruiz');
    // en-GB abbreviates September as "Sept" in recent ICU versions, "Sep" in older ones.
    expect(card).toMatch(/Sept? 2014 – Jun 2017/);
    await screenshot(page, 'badge-opened-card');
    await page.close();
  });

  it("on the firm's public page, the sidebar lists the alumni who work there and no one else", async () => {
    const { page, shadow } = await story.open(linkedin.audiense);
    await page.setViewport({ width: 1366, height: 3000 });
    const text = await sidebarText(shadow, (t) => t.includes('Marcos Ruiz') && t.includes('Julien Moreau'), 'the organisation overview');
    expect(text).not.toMatch(/Paul Whitaker|Pablo Serrano/);
    await page.close();
  });
});
