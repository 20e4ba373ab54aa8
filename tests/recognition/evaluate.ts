import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { Alumnus, Organization } from '../../utils/api';
import type { CompanyNames, Confidence, MatchResult, RecognitionIndex } from '../../utils/recognition';

// The labelled evaluation set and its scoring, shared by `npm run eval` and the vitest gate.

/** One page's person, what the engine should answer, and who the person really is. */
export interface EvalCase {
  id: string;
  category: string;
  /** A person signal as a site adapter would send it; hostile cases send anything. */
  signal: unknown;
  /** The answer the page supports: which alumnus (any of several when the page cannot tell them apart) and how sure. */
  expect: { alumnusId: string | string[] | null; confidence: Confidence | null };
  /** Who the person really is (null: not an alumnus, or the page gives no way to know). */
  truth: string | null;
  company?: CompanyNames;
  note?: string;
}

export const SAKURA_DIGITAL: CompanyNames = {
  name: 'Sakura Digital',
  aliases: ['株式会社さくらデジタル', 'さくらデジタル', 'Sakura Digital Inc.', 'Sakura Soft', 'サクラソフト'],
};

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export function loadEvalDirectory(): { alumni: Alumnus[]; organizations: Organization[] } {
  const alumni = z.array(Alumnus).parse(JSON.parse(readFileSync(here('./directory.json'), 'utf8')));
  const organizations = z.array(Organization).parse(JSON.parse(readFileSync(here('./organizations.json'), 'utf8')));
  return { alumni, organizations };
}

export interface Outcome {
  testCase: EvalCase;
  result: MatchResult | null;
  failed: boolean;
}

export interface Scores {
  cases: number;
  confirmedOrLikely: { precision: number; recall: number; predicted: number; correct: number; relevant: number };
  anyLevel: { precision: number; recall: number; predicted: number; correct: number; relevant: number };
  outcomes: Outcome[];
  failures: Outcome[];
}

const STRONG: ReadonlySet<Confidence | null> = new Set(['confirmed', 'likely']);

function meetsExpectation(testCase: EvalCase, result: MatchResult | null): boolean {
  const { alumnusId, confidence } = testCase.expect;
  if ((result?.confidence ?? null) !== confidence) return false;
  if (!result) return true;
  return Array.isArray(alumnusId) ? alumnusId.includes(result.alumnusId) : alumnusId === result.alumnusId;
}

/** Precision and recall for confirmed-or-likely and for any level, plus every case whose answer differs from its label. */
export function score(cases: EvalCase[], match: (c: EvalCase) => MatchResult | null): Scores {
  const outcomes = cases.map((testCase) => {
    let result: MatchResult | null;
    try {
      result = match(testCase);
    } catch (error) {
      result = { alumnusId: `threw: ${(error as Error).message}`, confidence: 'possible', evidence: [] };
    }
    return { testCase, result, failed: !meetsExpectation(testCase, result) };
  });
  const tally = (predictedLevel: (c: Confidence | null) => boolean, relevantCase: (c: EvalCase) => boolean) => {
    let predicted = 0;
    let correct = 0;
    let relevant = 0;
    let found = 0;
    for (const { testCase, result } of outcomes) {
      const isRelevant = relevantCase(testCase);
      if (isRelevant) relevant++;
      if (result && predictedLevel(result.confidence)) {
        predicted++;
        if (testCase.truth !== null && result.alumnusId === testCase.truth) {
          correct++;
          if (isRelevant) found++;
        }
      }
    }
    return { precision: predicted ? correct / predicted : 1, recall: relevant ? found / relevant : 1, predicted, correct, relevant };
  };
  return {
    cases: cases.length,
    confirmedOrLikely: tally(
      (c) => STRONG.has(c),
      (c) => STRONG.has(c.expect.confidence) && c.truth !== null,
    ),
    anyLevel: tally(
      (c) => c !== null,
      (c) => c.truth !== null && c.expect.confidence !== null,
    ),
    outcomes,
    failures: outcomes.filter((o) => o.failed),
  };
}

export function matchWith(index: RecognitionIndex) {
  return (testCase: EvalCase) => index.matchPerson(testCase.signal as never, testCase.company ?? SAKURA_DIGITAL);
}
