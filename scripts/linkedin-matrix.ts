// npm run matrix — the LinkedIn page kind × markup generation table: people read correctly out of
// the people each page shows, on the saved pages (real and written) and on pages constructed by
// meaning (tests/sites/generations/), with every miss listed. Exit 1 when a cell is not full.
import { constructedMatrix, formatMatrix, type Matrix, savedMatrix } from '../tests/sites/generations/matrix';

function problems(matrix: Matrix): string[] {
  return [...matrix.values()].flatMap((row) => [...row.values()].flatMap((cell) => cell.problems));
}

const saved = savedMatrix();
const constructed = constructedMatrix();
console.log('Saved pages (anonymised captures and pages written from them), en + ja:\n');
console.log(formatMatrix(saved));
console.log('\nPages constructed by meaning (tests/sites/generations/), en + ja; "unseen": random layouts:\n');
console.log(formatMatrix(constructed));
const misses = [...problems(saved), ...problems(constructed)];
if (misses.length) {
  console.log(`\n${misses.length} problems:`);
  for (const miss of misses) console.log(`- ${miss}`);
  process.exitCode = 1;
}
