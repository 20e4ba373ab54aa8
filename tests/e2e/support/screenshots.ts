import type { Page } from 'puppeteer-core';
import { join } from 'node:path';
import { screenshotsDir } from './paths';

/**
 * Saves what the user sees now as .tmp/screenshots/NAME.png (docs/screenshots/ keeps the ones the README shows);
 * `fullPage` takes the whole page, below the fold too.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const path = join(screenshotsDir, `${name}.png`) as `${string}.png`;
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}
