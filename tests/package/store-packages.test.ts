import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptSizes, GOAL_GZIP_KB, LIMIT_GZIP_KB } from '../../scripts/bench/support/content-script-size';
import { lintFirefoxPackage } from '../../scripts/package/firefox-lint';
import { firefoxDataCollection } from '../../utils/manifest/data-collection';

// The store packages as `npm run zip` and `npm run zip:firefox` make them (with the project's WXT config,
// written under .tmp/package-test), unpacked and checked the way the stores and their reviewers do.

const root = join(import.meta.dirname, '..', '..');
const outDir = join(root, '.tmp', 'package-test');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'store-packages-'));

/** The environment of a shell: vitest sets NODE_ENV=test, which would make Vite build with Preact's dev JSX. */
const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV'));

function zip(browser: 'chrome' | 'firefox') {
  execFileSync('npx', ['wxt', 'zip', '-b', browser, '-c', 'tests/package/wxt.package.config.ts'], { cwd: root, stdio: 'pipe', env: shellEnv });
}

/** Unpacks a zip into a fresh folder under `work`. */
function unpack(archive: string, name: string): string {
  const dir = join(work, name);
  execFileSync('unzip', ['-q', '-o', archive, '-d', dir]);
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, any>;

let chrome: string;
let firefox: string;
let sources: string;

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  zip('chrome');
  zip('firefox');
  chrome = unpack(join(outDir, `alumni-lens-${version}-chrome.zip`), 'chrome');
  firefox = unpack(join(outDir, `alumni-lens-${version}-firefox.zip`), 'firefox');
  sources = unpack(join(outDir, `alumni-lens-${version}-sources.zip`), 'sources');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each([
  ['Chromium', () => chrome],
  ['Firefox', () => firefox],
])('The %s package', (_name, dir) => {
  it('carries package.json’s version, and the icons at 16, 32, 48 and 128 px for the toolbar and the store', () => {
    const manifest = manifestOf(dir());
    expect(manifest.version).toBe(version);
    for (const icons of [manifest.icons, manifest.action.default_icon]) {
      expect(Object.keys(icons)).toEqual(['16', '32', '48', '128']);
      for (const [size, path] of Object.entries(icons as Record<string, string>)) {
        expect(pngSize(join(dir(), path))).toEqual([Number(size), Number(size)]);
      }
    }
  });

  it('holds no development-only parts: no demo-page script, no source maps', () => {
    const files = filesUnder(dir());
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /demo/.test(f))).toEqual([]);
    expect(JSON.stringify(manifestOf(dir()).content_scripts)).not.toContain('127.0.0.1');
  });

  it(`keeps every content script within its gzip limit (issue 11: ${GOAL_GZIP_KB} KB)`, () => {
    const sizes = contentScriptSizes(dir());
    expect(sizes.map((size) => size.name)).toEqual(Object.keys(LIMIT_GZIP_KB).sort());
    const over = sizes.filter(({ name, gzipKb }) => gzipKb > LIMIT_GZIP_KB[name]!).map(({ name, gzipKb }) => `${name}: ${gzipKb.toFixed(1)} KB`);
    expect(over).toEqual([]);
  });
});

describe('The Firefox package', () => {
  it('passes web-ext lint: no errors, and no warning but Preact’s innerHTML branch, never in the worker', () => {
    const result = lintFirefoxPackage(firefox);
    expect(result.errors).toEqual([]);
    expect(result.unexplained).toEqual([]);
    // The background worker bundles no UI runtime at all.
    expect(result.explained.map((w) => w.file)).not.toContain('background.js');
    // The in-page UI (injected when a page has something to show) is the bundle that holds the UI runtime, so the
    // explanation covers what the linter sees there; the content scripts carry no Preact at all (issue 11).
    expect(result.explained.map((w) => w.file)).toContain('page-ui.js');
    expect(result.explained.map((w) => w.file).filter((f) => f?.startsWith('content-scripts/'))).toEqual([]);
  });

  it('declares the data it transmits (to the configured backend) and a fixed add-on id for enterprise policies', () => {
    const gecko = manifestOf(firefox).browser_specific_settings.gecko;
    expect(gecko.id).toBe('alumni-lens@alumni-lens.dev');
    expect(gecko.data_collection_permissions).toEqual(firefoxDataCollection);
    expect(gecko.data_collection_permissions.required).not.toContain('none');
  });
});

describe('The sources archive for AMO', () => {
  it('holds what builds the add-on and the build notes, not the tests, saved pages or the backend', () => {
    const files = filesUnder(sources);
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'store/SOURCE-BUILD.md', 'entrypoints/background.ts', 'public/icon/128.png']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => /^(tests|server|docs|scripts|node_modules|\.output|\.tmp)\//.test(f))).toEqual([]);
  });

  it('builds, as store/SOURCE-BUILD.md says, into exactly the submitted Firefox package', () => {
    // npm ci would fetch the same locked packages; the repository's node_modules stands in for it here.
    symlinkSync(join(root, 'node_modules'), join(sources, 'node_modules'), 'dir');
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: sources, stdio: 'pipe', env: shellEnv });
    const rebuilt = join(sources, '.output', 'firefox-mv3');
    expect(existsSync(rebuilt)).toBe(true);
    const files = filesUnder(rebuilt);
    expect(files).toEqual(filesUnder(firefox));
    const differing = files.filter((f) => !readFileSync(join(rebuilt, f)).equals(readFileSync(join(firefox, f))));
    expect(differing).toEqual([]);
  });
});
