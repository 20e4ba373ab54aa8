import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// vitest runs from the repository root (where package.json and the npm scripts are).
const root = process.cwd();
const directory = join(root, 'tests/recognition/directory.json');

/** Runs `npm run --silent match` the way a sales team does, as a real process. */
function runMatch(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'match', '--', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

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
