import { describe, expect, it } from 'vitest';
import { type Matrix, savedMatrix } from './generations/matrix';

// The saved-pages half of the page kind × markup generation table (npm run matrix), kept full: every
// person on every saved page read right, nobody else given, and every page kind proven on saved pages
// of the generations LinkedIn serves it in. The constructed half: linkedin-generations.test.ts.

const cells = (matrix: Matrix) => [...matrix.entries()].flatMap(([kind, row]) => [...row.entries()].map(([column, cell]) => ({ kind, column, ...cell })));

describe('page kind × generation', () => {
  it('reads every person on the saved pages, real and written', () => {
    const matrix = savedMatrix();
    for (const cell of cells(matrix)) {
      expect(cell.problems, `${cell.kind} × ${cell.column}`).toEqual([]);
      expect(cell.correct).toBe(cell.expected);
    }
    // Each kind is proven on a saved page of the 2026 app or Ember 2025–26, and of the older Ember layout.
    const covered = (kind: string, columns: string[]) => columns.some((column) => matrix.get(kind)?.has(column));
    for (const kind of ['profile', 'profile-details', 'search-people', 'connections']) expect(covered(kind, ['app-2026', 'ember-2025']), kind).toBe(true);
    for (const kind of ['profile', 'profile-details', 'company', 'company-people', 'search-people']) expect(covered(kind, ['ember-2024']), kind).toBe(true);
  }, 60_000);
});
