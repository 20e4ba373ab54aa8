// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextVersion, releaseChangelog } from '../../scripts/release/version';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'release.ts');
const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

describe('Version bumps', () => {
  it.each([
    ['0.1.0', 'patch', '0.1.1'],
    ['0.1.9', 'minor', '0.2.0'],
    ['1.4.2', 'major', '2.0.0'],
    ['0.1.0', '0.3.0', '0.3.0'],
  ])('%s + %s → %s', (current, request, next) => {
    expect(nextVersion(current, request)).toBe(next);
  });

  it.each([
    ['0.1.0', '0.1.0', /not newer/],
    ['0.2.0', '0.1.9', /not newer/],
    ['0.1.0', 'v1', /neither patch, minor, major/],
    ['one', 'patch', /not x\.y\.z/],
  ])('%s → %s is refused', (current, request, message) => {
    expect(() => nextVersion(current, request)).toThrow(message);
  });
});

describe('The changelog at a release', () => {
  const log = '# Changelog\n\n## Unreleased\n\n- Icons.\n- Privacy policy.\n\n## 0.1.0\n\n- First.\n';

  it('turns Unreleased into the version and date, leaving an empty Unreleased above', () => {
    expect(releaseChangelog(log, '0.2.0', '2026-12-01')).toBe(
      '# Changelog\n\n## Unreleased\n\n## 0.2.0 — 2026-12-01\n\n- Icons.\n- Privacy policy.\n\n## 0.1.0\n\n- First.\n',
    );
  });

  it('refuses a release that says nothing, or a changelog without Unreleased', () => {
    expect(() => releaseChangelog('# Changelog\n\n## Unreleased\n\n## 0.1.0\n\n- First.\n', '0.2.0', '2026-12-01')).toThrow(/says nothing/);
    expect(() => releaseChangelog('# Changelog\n\n## 0.1.0\n', '0.2.0', '2026-12-01')).toThrow(/no "## Unreleased"/);
  });
});

// Each case starts the script with tsx (seconds on a loaded machine).
describe('npm run release refuses', { timeout: 60_000 }, () => {
  let repo: string;
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  const release = (request = 'patch', testCommand = 'node -e "process.exit(0)"') =>
    spawnSync(tsx, [script, request], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, ALUMNI_LENS_RELEASE_TEST_COMMAND: testCommand },
    });
  const state = () => ({
    version: (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version,
    changelog: readFileSync(join(repo, 'CHANGELOG.md'), 'utf8'),
    commits: git('rev-list', '--count', 'HEAD').stdout.trim(),
    tags: git('tag', '--list').stdout.trim(),
  });

  // A small repository of its own: the release works on the repository it is run in.
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'release-'));
    writeFileSync(join(repo, 'package.json'), `${JSON.stringify({ name: 'alumni-lens', version: '0.1.0' }, null, 2)}\n`);
    writeFileSync(join(repo, 'package-lock.json'), `${JSON.stringify({ name: 'alumni-lens', version: '0.1.0', packages: { '': { version: '0.1.0' } } }, null, 2)}\n`);
    writeFileSync(join(repo, 'CHANGELOG.md'), '# Changelog\n\n## Unreleased\n\n- Icons.\n\n## 0.1.0\n\n- First.\n');
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-qm', 'start');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('with a change not committed, before running anything', () => {
    const before = state();
    writeFileSync(join(repo, 'CHANGELOG.md'), `${before.changelog}\n- More.\n`);
    // The test command would leave a mark if it ran.
    const result = release('patch', 'touch tests-ran');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/release refused: the working tree has uncommitted changes/);
    expect(result.stderr).toContain('CHANGELOG.md');
    expect(spawnSync('test', ['-e', join(repo, 'tests-ran')]).status).not.toBe(0);
    expect(state().version).toBe('0.1.0');
  });

  it('with a file git does not know yet', () => {
    writeFileSync(join(repo, 'notes.txt'), 'draft');
    const result = release();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/uncommitted changes[\s\S]*notes\.txt/);
  });

  it('when the tests fail, changing nothing', () => {
    const before = state();
    const result = release('minor', 'node -e "process.exit(3)"');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/release refused: the tests failed/);
    expect(state()).toEqual(before);
    expect(git('status', '--porcelain').stdout).toBe('');
  });

  it('without saying which release, or with nothing under Unreleased', () => {
    expect(spawnSync(tsx, [script], { cwd: repo, encoding: 'utf8' }).stderr).toMatch(/say which release/);
    writeFileSync(join(repo, 'CHANGELOG.md'), '# Changelog\n\n## Unreleased\n\n## 0.1.0\n\n- First.\n');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-qam', 'empty');
    const result = release();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/says nothing under "## Unreleased"/);
  });
});
