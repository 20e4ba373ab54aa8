import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * Where the end-to-end tests find the repository, the built extension and the fixtures, and where they write
 * screenshots: under .tmp/, never over committed files (`npm run screenshots:update` copies them into docs/).
 */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const extensionDir = join(repoRoot, '.output', 'chrome-mv3');
export const fixturesDir = join(repoRoot, 'tests', 'fixtures');
export const screenshotsDir = join(repoRoot, '.tmp', 'screenshots');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The Firefox build (`npm run build:firefox`) and Debian's Firefox ESR, for the Firefox stories. */
export const firefoxExtensionDir = join(repoRoot, '.output', 'firefox-mv3');
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
