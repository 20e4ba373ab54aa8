import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Content-script size (issue 11): what `npm run bench -- extension` reports and what the package test
// (tests/package/store-packages.test.ts) holds every built script to.

/** Issue 11's goal for each content script, gzip level 9. */
export const GOAL_GZIP_KB = 30;

/**
 * The baseline: each content script's gzip size (level 9, KB) on main at 845e88d (2 December 2026), when the
 * size goal was taken up again; the bench prints today's size beside it, with the ratio.
 */
export const BASELINE_GZIP_KB: Readonly<Record<string, number>> = { github: 42.1, linkedin: 53.1, orgsite: 42.5, wantedly: 42.6, xing: 42.6 };

/**
 * The most a script may weigh in the package test: the goal, or, while a script still carries the whole in-page
 * UI (README, "Content-script size"), its baseline rounded up to the next KB, so that none grows meanwhile.
 * Lower an entry to GOAL_GZIP_KB as its script meets the goal.
 */
export const LIMIT_GZIP_KB: Readonly<Record<string, number>> = { github: 43, linkedin: 54, orgsite: 43, wantedly: 43, xing: 43 };

export interface ContentScriptSize {
  /** The entrypoint's name: 'linkedin', 'github', … */
  name: string;
  rawBytes: number;
  gzipKb: number;
}

/** Every content script in a built extension folder (e.g. .output/chrome-mv3), with its raw and gzip size. */
export function contentScriptSizes(extensionDir: string): ContentScriptSize[] {
  const folder = join(extensionDir, 'content-scripts');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(folder, file));
      return { name: file.replace(/\.js$/, ''), rawBytes: bytes.length, gzipKb: gzipSync(bytes, { level: 9 }).length / 1024 };
    });
}
