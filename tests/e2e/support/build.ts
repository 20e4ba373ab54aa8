import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extensionDir, repoRoot } from './paths';

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
export function staleBuildReason(): string | null {
  const manifest = join(extensionDir, 'manifest.json');
  if (!existsSync(manifest)) return 'no build in .output/chrome-mv3';
  const builtAt = statSync(manifest).mtimeMs;
  const paths = [...sourceFolders, ...sourceFiles].map((name) => join(repoRoot, name));
  const newest = Math.max(...paths.map(newestMtime));
  return newest > builtAt ? 'sources changed since the last build' : null;
}

/** Builds the production extension when it is missing or older than its sources (scripts/test.sh builds first anyway). */
export function ensureExtensionBuilt(log: (line: string) => void = console.log): void {
  const reason = staleBuildReason();
  if (!reason) return;
  log(`e2e: building the extension (${reason})…`);
  execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
}
