import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where the end-to-end tests find the repository, the built extension, the fixtures and their screenshot folder. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const extensionDir = join(repoRoot, '.output', 'chrome-mv3');
export const fixturesDir = join(repoRoot, 'tests', 'fixtures');
export const screenshotsDir = join(repoRoot, 'tests', 'e2e', 'screenshots');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
