import type { Page } from 'puppeteer-core';
import { join } from 'node:path';
import { screenshotsDir } from './paths';

/** Saves what the user sees now as .tmp/screenshots/NAME.png (docs/screenshots/ keeps the ones the README shows). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(screenshotsDir, `${name}.png`) as `${string}.png`;
  await page.screenshot({ path });
  return path;
}
