import { findAdapter } from '../../../utils/sites/index';
import { parsePage, readFixture } from '../support';
import { fixturePages } from './fixture-pages';
import { allPages, GENERATIONS } from './index';
import { score } from './score';

// The page kind × markup generation table: for each cell, how many people the LinkedIn adapter read
// correctly out of how many the pages show, and how many it gave that are not people of the page.
// Saved pages (real captures and pages written from them) and pages constructed by meaning are
// counted apart. `npm run matrix` prints it; tests/sites/linkedin-matrix.test.ts keeps it full.

export interface Cell {
  pages: number;
  correct: number;
  expected: number;
  wrong: number;
  problems: string[];
}

export type Matrix = Map<string, Map<string, Cell>>;

const KIND_ORDER = ['profile', 'profile-details', 'company', 'company-people', 'search-people', 'connections'];
export const COLUMNS = ['ember-2024', 'ember-2025', 'app-2026', 'guest', 'unseen'];
const COLUMN_TITLES: Record<string, string> = {
  'ember-2024': 'Ember ≤2024',
  'ember-2025': 'Ember 2025–26',
  'app-2026': '2026 app',
  guest: 'guest (logged out)',
  unseen: 'unseen layouts',
};

function add(matrix: Matrix, kind: string, column: string, label: string, result: ReturnType<typeof score>) {
  const row = matrix.get(kind) ?? new Map<string, Cell>();
  matrix.set(kind, row);
  const cell = row.get(column) ?? { pages: 0, correct: 0, expected: 0, wrong: 0, problems: [] };
  row.set(column, cell);
  cell.pages++;
  cell.correct += result.correct;
  cell.expected += result.expected;
  cell.wrong += result.wrong;
  cell.problems.push(...result.problems.map((problem) => `${label}: ${problem}`));
}

/** The saved pages, by kind and generation. */
export function savedMatrix(): Matrix {
  const matrix: Matrix = new Map();
  for (const page of fixturePages()) {
    const url = new URL(page.url);
    const found = findAdapter(url);
    if (!found) throw new Error(`no adapter for ${page.url}`);
    const result = found.adapter.extract(parsePage(readFixture(page.path), page.url), found.kind, url);
    add(matrix, page.kind, page.column, `${page.path} (${page.source})`, score(page.people, result, [], page.scoredRoles));
  }
  return matrix;
}

/** The pages constructed by meaning, English and Japanese, by kind and generation. */
export function constructedMatrix(unseenSeeds?: number): Matrix {
  const matrix: Matrix = new Map();
  for (const page of allPages(unseenSeeds)) {
    const url = new URL(page.url);
    const found = findAdapter(url);
    if (!found) throw new Error(`no adapter for ${page.url}`);
    const result = found.adapter.extract(parsePage(page.html, page.url), found.kind, url);
    add(matrix, page.kind, page.generation, `${page.kind} ${page.generation} ${page.lang} seed ${page.seed}${page.variant ? ` ${page.variant}` : ''}`, score(page.people, result, page.notNames));
  }
  return matrix;
}

/** A Markdown table: "correct/expected" per cell, pages in brackets, "+N wrong" when any. */
export function formatMatrix(matrix: Matrix, columns = COLUMNS): string {
  const used = columns.filter((column) => [...matrix.values()].some((row) => row.has(column)));
  const lines = [`| page kind | ${used.map((column) => COLUMN_TITLES[column]).join(' | ')} |`, `|---|${used.map(() => '---').join('|')}|`];
  for (const kind of KIND_ORDER) {
    const row = matrix.get(kind);
    if (!row) continue;
    const cells = used.map((column) => {
      const cell = row.get(column);
      if (!cell) return '—';
      return `${cell.correct}/${cell.expected} (${cell.pages} p.)${cell.wrong ? ` +${cell.wrong} wrong` : ''}`;
    });
    lines.push(`| ${kind} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export { GENERATIONS };
