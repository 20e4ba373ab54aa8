import type { Page } from 'puppeteer-core';
import { eventually, type ClosedShadow, type ShadowHost } from './closed-shadow';

// The badges the extension draws next to names, read as a person sees them: where each one is, what it
// is called, and which name on the page it sits next to.

export const BADGE = '.al-marker[data-variant="badge"]';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Badge extends Box {
  label: string;
}

async function readBadges(shadow: ClosedShadow, layer: ShadowHost): Promise<Badge[]> {
  const [styles, labels] = await Promise.all([shadow.attributes(layer, BADGE, 'style'), shadow.attributes(layer, BADGE, 'aria-label')]);
  return styles.map((style, i) => {
    const px = (name: string) => Number(new RegExp(`${name}:\\s*(-?[\\d.]+)px`).exec(style ?? '')?.[1] ?? NaN);
    return { left: px('left'), top: px('top'), width: px('width'), height: px('height'), label: labels[i] ?? '' };
  });
}

/**
 * The badges once the page has been laid out at its size: they are drawn for what is on screen, so the
 * layer redraws after the viewport grows; waits until at least `count` are drawn.
 */
export async function visibleBadges(shadow: ClosedShadow, count: number): Promise<Badge[]> {
  const layer = await eventually(() => shadow.hostWith(BADGE), 'badges on the page');
  return eventually(async () => {
    const badges = await readBadges(shadow, layer);
    return badges.length >= count ? badges : undefined;
  }, `${count} badges`);
}

/** The name each badge sits next to, as a person sees it: right after the name (an element matching `names`), on the same line. */
export function namesNextTo(page: Page, badges: Box[], names: string): Promise<string[]> {
  return page.evaluate(
    (boxes: Box[], selector: string) => {
      const titles = Array.from(document.querySelectorAll(selector));
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
    },
    badges.map(({ left, top, width, height }) => ({ left, top, width, height })),
    names,
  );
}

/** Clicks a badge in its middle, as a person would. */
export async function clickBadge(page: Page, badge: Box): Promise<void> {
  await page.mouse.click(badge.left + badge.width / 2, badge.top + badge.height / 2);
}
