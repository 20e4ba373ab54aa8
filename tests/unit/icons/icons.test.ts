// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPath, renderIcon } from '../../../scripts/icons/render';
import { TOOLBAR_THEMES } from '../../../scripts/icons/preview';

const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Share of the icon's area that differs from the toolbar behind it by at least 3:1 (WCAG's ratio for graphics). */
function standsOut(pixels: Buffer, size: number, toolbar: string): number {
  const behind = rgb(toolbar);
  const behindLuminance = luminance(behind);
  let strong = 0;
  for (let i = 0; i < size * size; i++) {
    const alpha = pixels[i * 4 + 3]! / 255;
    const seen = [0, 1, 2].map((k) => pixels[i * 4 + k]! * alpha + behind[k]! * (1 - alpha));
    if (contrast(luminance(seen), behindLuminance) >= 3) strong++;
  }
  return strong / (size * size);
}

describe('The toolbar icon', () => {
  it.each(ICON_SIZES)('at %i px is the committed PNG that `npm run icons` renders from assets/icon/', (size) => {
    const committed = readFileSync(iconPath(size));
    const rendered = renderIcon(size);
    expect(committed.subarray(16, 24)).toEqual(rendered.png.subarray(16, 24)); // IHDR width and height
    expect(committed.equals(rendered.png), `public/icon/${size}.png is stale: run npm run icons`).toBe(true);
  });

  // The blue tile carries it on light toolbars; on dark ones the white rim, lens and person must: without the
  // rim a dark toolbar keeps only about a fifth of the 48 and 128 px icons distinct.
  it.each(TOOLBAR_THEMES.flatMap((theme) => ICON_SIZES.map((size) => [theme.name, theme.toolbar, size] as const)))(
    'stands out on the %s toolbar (%s) at %i px: at least a third of its area at 3:1 or more',
    (_name, toolbar, size) => {
      expect(standsOut(renderIcon(size).pixels, size, toolbar)).toBeGreaterThanOrEqual(1 / 3);
    },
  );
});
