// npm run release -- <patch|minor|major|x.y.z>
// Releases the extension and the server together under one version (package.json's): refuses to run on a
// tree with uncommitted changes or when the tests fail; then bumps the version (package.json,
// package-lock.json, CHANGELOG.md), builds and zips both browsers (Chromium, Firefox + AMO's sources
// archive), lints the Firefox package, and commits and tags vX.Y.Z. Nothing is pushed or uploaded.
// ALUMNI_LENS_RELEASE_TEST_COMMAND replaces `npm test` (the release's own tests use it to make tests fail).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nextVersion, releaseChangelog } from './release/version';

function fail(message: string): never {
  console.error(`release refused: ${message}`);
  process.exit(1);
}

function run(command: string, cwd: string): boolean {
  console.log(`\n$ ${command}`);
  return spawnSync(command, { cwd, shell: true, stdio: 'inherit' }).status === 0;
}

function git(args: string[], cwd: string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) fail(`git ${args.join(' ')}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

const request = process.argv[2];
if (!request) fail('say which release: npm run release -- patch | minor | major | x.y.z');
const root = git(['rev-parse', '--show-toplevel'], process.cwd());

const dirty = git(['status', '--porcelain', '--untracked-files=normal'], root);
if (dirty) fail(`the working tree has uncommitted changes; commit or stash them first:\n${dirty}`);

const pkgPath = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string };
let version: string;
let changelog: string;
try {
  version = nextVersion(pkg.version, request);
  changelog = releaseChangelog(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version, new Date().toISOString().slice(0, 10));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (git(['tag', '--list', `v${version}`], root)) fail(`the tag v${version} exists already`);

const testCommand = process.env.ALUMNI_LENS_RELEASE_TEST_COMMAND ?? 'npm test';
if (!run(testCommand, root)) fail(`the tests failed (${testCommand}); nothing was changed`);

// From here on the tree changes; any failure puts it back as it was.
function undo(message: string): never {
  git(['checkout', '--', 'package.json', 'package-lock.json', 'CHANGELOG.md'], root);
  fail(`${message}; the version change was undone`);
}
writeFileSync(pkgPath, readFileSync(pkgPath, 'utf8').replace(/("version":\s*")[^"]+(")/, `$1${version}$2`));
const lockPath = join(root, 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { version?: string; packages?: Record<string, { version?: string }> };
lock.version = version;
if (lock.packages?.['']) lock.packages[''].version = version;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
writeFileSync(join(root, 'CHANGELOG.md'), changelog);

if (!run('npx wxt zip', root)) undo('the Chromium package could not be built');
if (!run('npx wxt zip -b firefox', root)) undo('the Firefox package could not be built');
if (!run('npx tsx scripts/lint-firefox.ts .output/firefox-mv3', root)) undo('web-ext lint found errors or unexplained warnings in the Firefox package');

git(['add', 'package.json', 'package-lock.json', 'CHANGELOG.md'], root);
git(['commit', '-m', `Release ${version}`], root);
git(['tag', '-a', `v${version}`, '-m', `Alumni Lens ${version}`], root);
console.log(`\nReleased ${version}: commit and tag v${version} made (not pushed). Packages in .output/:`);
console.log(`  alumni-lens-${version}-chrome.zip   (Chrome Web Store, Edge Add-ons)`);
console.log(`  alumni-lens-${version}-firefox.zip  (addons.mozilla.org)`);
console.log(`  alumni-lens-${version}-sources.zip  (AMO's source upload)`);
