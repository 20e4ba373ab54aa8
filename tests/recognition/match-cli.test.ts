import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// vitest runs from the repository root (where package.json and the npm scripts are).
const root = process.cwd();
const directory = join(root, 'tests/recognition/directory.json');

/** Runs `npm run --silent <script>` the way a sales team does, as a real process. */
function run(script: 'match' | 'extract', args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const runMatch = (args: string[], stdin: string) => run('match', args, stdin);

describe('npm run match', () => {
  it('answers one JSON line per input line, in order, and names the bad lines', async () => {
    const input = [
      JSON.stringify({ name: 'Yamada Tarou', experience: [{ organization: 'Sakura Soft', from: '2013-01', to: null }] }),
      '{"name": "Julien Moreau", "headline": "ex-Sakura Digital"}',
      'this is not json',
      '',
      JSON.stringify({ name: 'Arjun Mehta', profileUrl: 'https://www.linkedin.com/in/arjun-mehta-4f8a21' }),
      JSON.stringify({ name: 42 }),
      JSON.stringify({ name: 'Sofia Andersson Reyes', profileUrl: 'https://se.linkedin.com/in/sofia-andersson-reyes/' }),
    ].join('\n');
    const { code, stdout } = await runMatch(['--directory', directory, '--company', 'Sakura Digital', '--company', 'Sakura Soft', '--company', 'さくらデジタル'], input);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ alumnusId: 'al-yamada-taro', confidence: 'confirmed' });
    expect(lines[0].evidence.join(' ')).toContain('Sakura Soft');
    expect(lines[1]).toMatchObject({ alumnusId: 'al-julien', confidence: 'likely' });
    expect(lines[2]).toMatchObject({ alumnusId: null, confidence: null, evidence: [] });
    expect(lines[2].error).toMatch(/^line 3: /);
    expect(lines[3]).toEqual({ alumnusId: null, confidence: null, evidence: [] });
    expect(lines[4].error).toMatch(/^line 6: name/);
    expect(lines[5]).toMatchObject({ alumnusId: 'al-sofia', confidence: 'confirmed' });
  }, 60_000);

  it('explains a missing option or an unreadable directory and exits non-zero', async () => {
    const missing = await runMatch(['--company', 'Sakura Digital'], '');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--directory');
    const unreadable = await runMatch(['--directory', '/nonexistent/dir.json', '--company', 'Sakura Digital'], '');
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('cannot read directory');
  }, 60_000);
});

describe('npm run match -- --page', () => {
  const options = ['--directory', directory, '--organizations', join(root, 'tests/recognition/organizations.json'), '--company', 'Sakura Digital', '--page'];
  const lines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line));

  it("reads a saved People tab as the extension does: the page's company counts as where the listed alumni work", async () => {
    const page = await run('extract', ['--url', 'https://www.linkedin.com/company/audiense/people/', 'tests/fixtures/linkedin/written/li-company-people-loggedin.html'], '');
    expect(page.code).toBe(0);
    const { code, stdout } = await runMatch(options, page.stdout);
    expect(code).toBe(0);
    const people = lines(stdout);
    expect(people.map((p) => [p.name, p.alumnusId, p.confidence])).toEqual([
      ['Paul Whitaker', null, null],
      ['Marcos Ruiz', 'al-marcos', 'likely'],
      ['Emma Lund', null, null],
      ['Julien Moreau', 'al-julien', 'likely'],
      ['Pablo Serrano', null, null],
      ['Thomas Reed', null, null],
    ]);
    expect(people[1].role).toBe('listed');
    expect(people[1].evidence).toContain('Listed on Audiense’s People page; Audiense is the current employer on file.');
  }, 120_000);

  it('gives an alumnus to one person of a page only, and says why a page could not be matched', async () => {
    // A profile as `extract` prints it: its subject first, a side-rail member with another profile after.
    const profile = {
      site: 'linkedin',
      pageKind: 'profile',
      people: [
        { name: 'Laxmi Kant Tiwari', headline: 'Senior Engineer at Infosys | ex-Sakura Digital', profileUrl: 'https://www.linkedin.com/in/laxmi-kant-tiwari' },
        { name: 'Laxmi Kant', headline: 'Manager at Wipro', profileUrl: 'https://www.linkedin.com/in/laxmi-kant-4821' },
      ],
      organizations: [],
    };
    const { code, stdout } = await runMatch(options, JSON.stringify(profile, null, 2));
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      {
        ref: 0,
        name: 'Laxmi Kant Tiwari',
        role: 'subject',
        alumnusId: 'al-lk-tiwari',
        confidence: 'likely',
        evidence: [
          'The name “Laxmi Kant Tiwari” matches Laxmi Kant Tiwari in the directory.',
          'The headline calls them a former member of Sakura Digital: “…at Infosys | ex-Sakura Digital”.',
        ],
      },
      { ref: 1, name: 'Laxmi Kant', role: 'related', alumnusId: null, confidence: null, evidence: [] },
    ]);

    // What `extract` prints for a page it could not read (an anti-bot challenge served instead of a profile).
    const diagnostic = { adapter: 'linkedin', pageKind: 'profile', missing: 'page content (anti-bot challenge: meta refresh and no <main>)' };
    const refused = await runMatch(options, JSON.stringify(diagnostic, null, 2));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/the page was not read \(linkedin is missing .+\)/);
    const garbage = await runMatch(options, '{"people": 3}');
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toContain('stdin is not page signals');
  }, 120_000);
});
