import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Diagnostic, PageSignals } from '../../utils/signals/schema';
import { FIXTURES } from './support';

// `npm run --silent extract -- --url URL FILE.html` as a user runs it: a subprocess, the same adapter
// code under happy-dom, JSON on stdout; unrecognised pages exit 1 with the diagnostic.

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/** Through npm, exactly as documented (the first test), or straight through tsx (faster, same script). */
async function extract(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const viaNpm = args[0] === 'npm';
  const [command, commandArgs] = viaNpm
    ? ['npm', ['run', '--silent', 'extract', '--', ...args.slice(1)]]
    : [process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'extract.ts'), ...args]];
  try {
    const { stdout, stderr } = await run(command, commandArgs, { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run extract', () => {
  it('prints the page signals of a saved profile', async () => {
    const { code, stdout } = await extract('npm', '--url', 'https://se.linkedin.com/in/sofia-andersson-reyes', join(FIXTURES, 'linkedin/li-profile-public-2024.html'));
    expect(code).toBe(0);
    const signals = PageSignals.parse(JSON.parse(stdout));
    expect(signals.pageKind).toBe('profile');
    expect(signals.people[0]).toMatchObject({ name: 'Sofia Andersson Reyes', profileUrl: 'https://www.linkedin.com/in/sofia-andersson-reyes', currentOrganization: 'Spotify' });
  }, 30_000);

  it('reads an organisation website when given its domain', async () => {
    const { code, stdout } = await extract('--org-domain', 'audiense.com', '--url', 'https://www.audiense.com/team', join(FIXTURES, 'org-website/audiense-team.html'));
    expect(code).toBe(0);
    expect(PageSignals.parse(JSON.parse(stdout)).organizations).toEqual([{ name: 'Audiense', url: 'https://www.audiense.com', domain: 'audiense.com' }]);
  }, 30_000);

  it('prints a diagnostic and exits 1 for a page it does not recognise', async () => {
    const { code, stdout, stderr } = await extract('--url', 'https://www.linkedin.com/in/nonexistent-member-4x9', join(FIXTURES, 'linkedin/li-profile-notfound-2024.html'));
    expect(code).toBe(1);
    expect(Diagnostic.parse(JSON.parse(stdout))).toMatchObject({ adapter: 'linkedin', pageKind: 'profile' });
    expect(stderr).toMatch(/not recognised: linkedin profile is missing profile name/);
  }, 30_000);

  it('exits 1 with a diagnostic for a URL no adapter reads', async () => {
    const { code, stdout } = await extract('--url', 'https://example.com/', join(FIXTURES, 'org-website/audiense-team.html'));
    expect(code).toBe(1);
    expect(Diagnostic.parse(JSON.parse(stdout))).toMatchObject({ adapter: 'none' });
  }, 30_000);

  it('exits 2 with usage for bad arguments or a missing file', async () => {
    for (const args of [[], ['--url', 'not a url', 'x.html'], ['--url', 'https://www.linkedin.com/in/x', join(FIXTURES, 'missing.html')]]) {
      const { code, stderr } = await extract(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/usage: npm run --silent extract/);
    }
  }, 60_000);
});
