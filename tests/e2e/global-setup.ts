import { existsSync, mkdirSync } from 'node:fs';
import { ensureConsoleBuilt, ensureExtensionBuilt } from './support/build';
import { chromiumPath, screenshotsDir } from './support/paths';

// Runs once before the end-to-end files: the tests drive the real production build in Debian's Chromium.
export default function setup(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is missing at ${chromiumPath}: run \`npm test\` (installs it as root) or \`apt-get install -y chromium\`.`);
  }
  ensureExtensionBuilt();
  ensureConsoleBuilt();
  mkdirSync(screenshotsDir, { recursive: true });
}
