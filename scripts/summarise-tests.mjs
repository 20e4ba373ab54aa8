// Prints vitest's JSON reports (one per stream of scripts/test.sh) as the one closing line CI reads:
// "N passed, N failed[, N skipped]". A missing or unreadable report counts as a failure.
import { readFileSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0, total: 0 };
let ok = true;
for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`No test report at ${file}: ${error.message}`);
    ok = false;
    continue;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  totals.total += report.numTotalTests;
  if (report.numFailedTests > 0 || report.success === false) ok = false;
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : ''));
if (totals.total === 0) {
  console.error('No test ran.');
  ok = false;
}
process.exit(ok ? 0 : 1);
