import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extensionDir, firefoxExtensionDir, repoRoot } from './paths';

export type BuildMode = 'production' | 'development';
export type BuildBrowser = 'chrome' | 'firefox';

/**
 * Where WXT writes each build: the production one the tests load, the development one `npm start` and the
 * demo use, and the Firefox one (production) the Firefox stories install.
 */
export function buildDir(mode: BuildMode, browser: BuildBrowser = 'chrome'): string {
  if (browser === 'firefox') return mode === 'production' ? firefoxExtensionDir : `${firefoxExtensionDir}-dev`;
  return mode === 'production' ? extensionDir : `${extensionDir}-dev`;
}

// The extension's sources: anything here newer than the built manifest means the build is stale.
const sourceFolders = ['entrypoints', 'components', 'utils', 'public', 'assets', 'locales'];
const sourceFiles = ['wxt.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the production build in .output/chrome-mv3 must be (re)made, or null when it is current. */
export function staleBuildReason(mode: BuildMode = 'production', browser: BuildBrowser = 'chrome'): string | null {
  const manifest = join(buildDir(mode, browser), 'manifest.json');
  if (!existsSync(manifest)) return `no ${mode} build`;
  const builtAt = statSync(manifest).mtimeMs;
  const paths = [...sourceFolders, ...sourceFiles].map((name) => join(repoRoot, name));
  const newest = Math.max(...paths.map(newestMtime));
  return newest > builtAt ? 'sources changed since the last build' : null;
}

/**
 * Builds the extension when it is missing or older than its sources (scripts/test.sh builds the production
 * one first anyway). Returns the build's folder.
 */
export function ensureExtensionBuilt(log: (line: string) => void = console.log, mode: BuildMode = 'production', browser: BuildBrowser = 'chrome'): string {
  const reason = staleBuildReason(mode, browser);
  if (reason) {
    log(`e2e: building the extension for ${browser}, ${mode} mode (${reason})…`);
    execFileSync('npx', ['wxt', 'build', '--mode', mode, '-b', browser], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  }
  return buildDir(mode, browser);
}

const consoleSources = ['console/src', 'console/index.html', 'console/vite.config.ts', 'utils/api', 'utils/i18n', 'package.json'];

/**
 * Builds the programme's console (console/dist, served by the backend at /admin/) when it is missing or older than
 * its sources (scripts/test.sh builds it first anyway).
 */
export function ensureConsoleBuilt(log: (line: string) => void = console.log): void {
  const index = join(repoRoot, 'console', 'dist', 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const newest = Math.max(...consoleSources.map((name) => newestMtime(join(repoRoot, name))));
  if (builtAt > 0 && newest <= builtAt) return;
  log(`e2e: building the console (${builtAt === 0 ? 'no build' : 'sources changed since the last build'})…`);
  execFileSync('npx', ['vite', 'build', '--config', 'console/vite.config.ts'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
}
