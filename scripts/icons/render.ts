import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The sizes the manifests declare (`icons` and `action.default_icon`). */
export const ICON_SIZES = [16, 32, 48, 128] as const;
export type IconSize = (typeof ICON_SIZES)[number];

const sourceDir = fileURLToPath(new URL('../../assets/icon/', import.meta.url));

/**
 * Which drawing each size comes from: the 16 px grid drawing for the toolbar sizes (16, and 32 for
 * high-density screens) keeps its strokes on whole pixels; the detailed mark for the rest.
 */
export function sourceFor(size: IconSize): string {
  return `${sourceDir}${size <= 32 ? 'mark-small.svg' : 'mark.svg'}`;
}

export interface RenderedIcon {
  size: IconSize;
  png: Buffer;
  /** Straight RGBA, row by row. */
  pixels: Buffer;
}

/** Renders one size with resvg (deterministic: the same SVG and library give the same bytes). */
export function renderIcon(size: IconSize): RenderedIcon {
  const rendered = new Resvg(readFileSync(sourceFor(size), 'utf8'), { fitTo: { mode: 'width', value: size } }).render();
  if (rendered.width !== size || rendered.height !== size) throw new Error(`${sourceFor(size)} rendered ${rendered.width}×${rendered.height}, not ${size}×${size}`);
  return { size, png: rendered.asPng(), pixels: Buffer.from(rendered.pixels) };
}

/** Where a size is committed: public/icon/NN.png is copied into both builds. */
export function iconPath(size: IconSize): string {
  return fileURLToPath(new URL(`../../public/icon/${size}.png`, import.meta.url));
}
