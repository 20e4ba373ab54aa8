import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildDir } from './support/build';
import { repoRoot } from './support/paths';

// The Firefox build as Mozilla's own linter (web-ext lint, the checks addons.mozilla.org runs) sees it, and
// the side panel as each browser's manifest declares it. The e2e set-up built both (global-setup.ts).

const run = promisify(execFile);

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('The Firefox build', () => {
  it('passes web-ext lint with no errors', async () => {
    const webExt = join(repoRoot, 'node_modules', '.bin', 'web-ext');
    // web-ext exits 1 when it finds errors; the JSON report says which.
    const { stdout } = await run(webExt, ['lint', '--source-dir', buildDir('production', 'firefox'), '--output', 'json', '--no-input'], {
      cwd: repoRoot,
      maxBuffer: 20 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[]; summary: { errors: number } };
    expect(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 180_000);

  it("declares the side panel as Firefox's sidebar, closed until asked for, with a fixed add-on id for policies", async () => {
    const manifest = JSON.parse(await readFile(join(buildDir('production', 'firefox'), 'manifest.json'), 'utf8'));
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    expect(manifest.side_panel).toBeUndefined();
    expect(manifest.browser_specific_settings.gecko.id).toBe('alumni-lens@alumni-lens.dev');
  });

  it("declares it as Chromium's side panel (with its permission) in the Chromium build", async () => {
    const manifest = JSON.parse(await readFile(join(buildDir('production'), 'manifest.json'), 'utf8'));
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.permissions).toContain('sidePanel');
    expect(manifest.sidebar_action).toBeUndefined();
    expect(manifest.storage.managed_schema).toBe('managed_schema.json');
  });
});
