import { existsSync, mkdirSync } from 'node:fs';
import { ensureConsoleBuilt, ensureExtensionBuilt } from './support/build';
import { chromiumPath, firefoxPath, screenshotsDir } from './support/paths';

// Runs once before the end-to-end files: the tests drive the real production builds in Debian's Chromium
// and Debian's Firefox ESR.
export default function setup(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is missing at ${chromiumPath}: run \`npm test\` (installs it as root) or \`apt-get install -y chromium\`.`);
  }
  if (!existsSync(firefoxPath)) {
    throw new Error(`Firefox ESR is missing at ${firefoxPath}: run \`npm test\` (installs it as root) or \`apt-get install -y firefox-esr\`.`);
  }
  ensureExtensionBuilt();
  ensureConsoleBuilt();
  ensureExtensionBuilt(console.log, 'production', 'firefox');
  mkdirSync(screenshotsDir, { recursive: true });
}
