import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintResult {
  errors: LintMessage[];
  /** Warnings the README explains (Preact's innerHTML branch), each with the reason. */
  explained: Array<LintMessage & { reason: string }>;
  unexplained: LintMessage[];
  notices: LintMessage[];
}

export const PREACT_INNER_HTML =
  "Preact's renderer assigns innerHTML only for a dangerouslySetInnerHTML prop, which no Alumni Lens component passes";

/**
 * Whether a warning points at Preact's `dangerouslySetInnerHTML` branch (the only innerHTML assignment in
 * the bundles): the minified source around the position reads the prop by name and assigns its `__html`.
 */
function isPreactInnerHtml(dir: string, warning: LintMessage): boolean {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !/innerHTML/.test(warning.message) || !warning.file || !warning.line) return false;
  const line = readFileSync(join(dir, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
  const at = warning.column ?? 0;
  const around = line.slice(Math.max(0, at - 400), at + 80);
  return around.includes('"dangerouslySetInnerHTML"') && /\.innerHTML=[\w$]+\.__html\b/.test(around);
}

/** Runs `web-ext lint` (Mozilla's addons-linter, as AMO runs it) on an unpacked Firefox build. */
export function lintFirefoxPackage(dir: string): LintResult {
  const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const start = result.stdout.indexOf('{');
  if (start === -1) throw new Error(`web-ext lint printed no report: ${result.stderr || result.stdout}`);
  const report = JSON.parse(result.stdout.slice(start)) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  const explained: LintResult['explained'] = [];
  const unexplained: LintMessage[] = [];
  for (const warning of report.warnings) {
    if (isPreactInnerHtml(dir, warning)) explained.push({ ...warning, reason: PREACT_INNER_HTML });
    else unexplained.push(warning);
  }
  return { errors: report.errors, explained, unexplained, notices: report.notices };
}

export function formatLint(result: LintResult): string {
  const row = (m: LintMessage) => `  ${m.code}  ${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}  ${m.message}`;
  return [
    `web-ext lint: ${result.errors.length} errors, ${result.explained.length + result.unexplained.length} warnings (${result.unexplained.length} unexplained), ${result.notices.length} notices`,
    ...result.errors.map((m) => `error${row(m)}`),
    ...result.unexplained.map((m) => `warning${row(m)}`),
    ...result.explained.map((m) => `warning (explained: ${m.reason})${row(m)}`),
    ...result.notices.map((m) => `notice${row(m)}`),
  ].join('\n');
}
