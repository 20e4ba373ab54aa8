import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preparePgliteTemplate } from '../support/pglite-template';
import { ensureConsoleBuilt, ensureExtensionBuilt } from './support/build';
import { chromiumPath, firefoxPath, screenshotsDir } from './support/paths';

// Runs once before the end-to-end files: the tests drive the real production builds in Debian's Chromium
// and Debian's Firefox ESR.
export default async function setup(project: TestProject): Promise<void> {
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
  project.provide('pgliteTemplate', await preparePgliteTemplate(join(process.cwd(), '.tmp', 'pglite-template-e2e'), { seed: 'demo' }));
}
