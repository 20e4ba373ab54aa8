// npm run bench — runs every benchmark in scripts/bench/ (each file prints its own table when run
// directly), one child process each so heap figures are not mixed up. Speed targets live here,
// never in timed unit tests. `npm run bench -- recognition` runs only the files whose name matches.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const folder = join(process.cwd(), 'scripts', 'bench');
const only = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort((a, b) => (a === 'recognition.ts' ? -1 : b === 'recognition.ts' ? 1 : a.localeCompare(b)));

let failed = 0;
for (const file of files) {
  process.stderr.write(`\nbench: ${file}\n`);
  // --expose-gc lets a bench settle the heap before it measures it.
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(folder, file)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    process.stderr.write(`bench: ${file} failed (exit ${run.status ?? run.signal})\n`);
  }
}
process.exitCode = failed ? 1 : 0;
