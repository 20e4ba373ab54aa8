import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './support/api';
import { eventually, type ClosedShadow, type ShadowHost } from './support/closed-shadow';
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

const BADGE = '.al-marker[data-variant="badge"]';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

describe('A salesperson on the People tab of a client firm', () => {
  it('sees a badge next to exactly the alumni who work there (Marcos Ruiz, Julien Moreau), none on the others', async () => {
    const { page, shadow } = await story.open(linkedin.audiensePeople);
    // Tall enough for every card to be on screen: badges are drawn for what is visible.
    await page.setViewport({ width: 1366, height: 2400 });
    const badges = await visibleBadges(shadow);

    // Which name each badge sits next to, as a person sees it: right after the name, on the same line.
    const names = await page.evaluate((boxes: Box[]) => {
      const titles = Array.from(document.querySelectorAll('main .org-people-profile-card__profile-card-spacing .artdeco-entity-lockup__title'));
      return boxes.map((box) => {
        const middle = box.top + box.height / 2;
        const owner = titles.find((title) => {
          const range = document.createRange();
          range.selectNodeContents(title);
          const lines = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          const last = lines[lines.length - 1];
          return last && middle >= last.top && middle <= last.bottom && box.left >= last.right && box.left <= last.right + 24;
        });
        return owner?.textContent?.trim() ?? '(next to no name)';
      });
    }, badges);
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
    const before = await visibleBadges(shadow);
    expect(before.length).toBe(2);
    // The first badge in the page's order is Marcos Ruiz's (he is listed before Julien Moreau).
    const first = [...before].sort((a, b) => a.top - b.top || a.left - b.left)[0]!;
    await page.mouse.click(first.left + first.width / 2, first.top + first.height / 2);
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

/**
 * The badges once the page has been laid out at its new size: they are drawn for what is on screen, so the
 * layer redraws after the viewport grows; wait until at least two are drawn (the names' test then checks which).
 */
async function visibleBadges(shadow: ClosedShadow): Promise<Box[]> {
  const layer = await eventually(() => shadow.hostWith(BADGE), 'badges on the People tab');
  return eventually(async () => {
    const boxes = await badgeBoxes(shadow, layer);
    return boxes.length >= 2 ? boxes : undefined;
  }, 'two badges');
}

async function badgeBoxes(shadow: ClosedShadow, layer: ShadowHost): Promise<Box[]> {
  const styles = await shadow.attributes(layer, BADGE, 'style');
  return styles.map((style) => {
    const px = (name: string) => Number(new RegExp(`${name}:\\s*(-?[\\d.]+)px`).exec(style ?? '')?.[1] ?? NaN);
    return { left: px('left'), top: px('top'), width: px('width'), height: px('height') };
  });
}
