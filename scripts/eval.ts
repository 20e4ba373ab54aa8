// npm run eval — scores the recognition engine on the labelled set in tests/recognition/:
// precision and recall for confirmed-or-likely and for any level, per category, and every
// case whose answer differs from its label. Exits 1 when the targets of issue 3 are missed.
import { allCases } from '../tests/recognition/cases';
import { loadEvalDirectory, matchWith, score, type Outcome } from '../tests/recognition/evaluate';
import { evidenceSentences } from '../utils/i18n/evidence';
import { buildIndex } from '../utils/recognition';

export const TARGETS = { precision: 0.995, recall: 0.97 };

const pct = (value: number) => `${(value * 100).toFixed(2)}%`;

function describeOutcome({ testCase, result }: Outcome): string {
  const signal = JSON.stringify(testCase.signal) ?? String(testCase.signal);
  const expected = `${JSON.stringify(testCase.expect.alumnusId)} ${testCase.expect.confidence ?? 'no match'}`;
  const got = result ? `${result.alumnusId} ${result.confidence}` : 'no match';
  const why = result ? evidenceSentences(result.evidence, 'en').map((sentence) => `      - ${sentence}`).join('\n') : '';
  return [`  ✗ ${testCase.id}${testCase.note ? ` (${testCase.note})` : ''}`, `    page:     ${signal.length > 160 ? `${signal.slice(0, 160)}…` : signal}`, `    expected: ${expected}`, `    got:      ${got}`, why].filter(Boolean).join('\n');
}

function main(): void {
  const { alumni, organizations } = loadEvalDirectory();
  const index = buildIndex(alumni, organizations);
  const cases = allCases(alumni);
  const scores = score(cases, matchWith(index));
  const { confirmedOrLikely: strong, anyLevel: any } = scores;
  const byCategory = new Map<string, { total: number; failed: number }>();
  for (const { testCase, failed } of scores.outcomes) {
    const entry = byCategory.get(testCase.category) ?? { total: 0, failed: 0 };
    entry.total++;
    if (failed) entry.failed++;
    byCategory.set(testCase.category, entry);
  }
  console.log(`Recognition evaluation: ${scores.cases} labelled cases, directory of ${alumni.length} alumni\n`);
  console.log('| level                | precision | recall  | predicted | correct | should find |');
  console.log('|----------------------|-----------|---------|-----------|---------|-------------|');
  console.log(`| confirmed or likely  | ${pct(strong.precision).padStart(9)} | ${pct(strong.recall).padStart(7)} | ${String(strong.predicted).padStart(9)} | ${String(strong.correct).padStart(7)} | ${String(strong.relevant).padStart(11)} |`);
  console.log(`| any (incl. possible) | ${pct(any.precision).padStart(9)} | ${pct(any.recall).padStart(7)} | ${String(any.predicted).padStart(9)} | ${String(any.correct).padStart(7)} | ${String(any.relevant).padStart(11)} |`);
  console.log('\n(“possible” is a hint shown as such: its precision counts namesakes the page cannot rule out.)\n');
  console.log('Cases by category (failed / total):');
  for (const [category, { total, failed }] of [...byCategory].sort()) console.log(`  ${category.padEnd(20)} ${failed} / ${total}`);
  console.log(`\nFailures (${scores.failures.length}):`);
  if (scores.failures.length === 0) console.log('  none');
  for (const failure of scores.failures) console.log(describeOutcome(failure));
  const met = strong.precision >= TARGETS.precision && strong.recall >= TARGETS.recall;
  console.log(`\nTargets (confirmed or likely): precision ≥ ${pct(TARGETS.precision)}, recall ≥ ${pct(TARGETS.recall)}: ${met ? 'met' : 'MISSED'}`);
  process.exitCode = met ? 0 : 1;
}

main();
