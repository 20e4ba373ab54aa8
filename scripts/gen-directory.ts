// npm run gen:directory -- --count 100000 --seed 1 [--out FILE]
// Writes a deterministic synthetic alumni directory (a JSON array in the contract's Alumnus shape).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Alumnus } from '../utils/api';
import { generateDirectory } from './data/synthetic-directory';

const Options = z.object({
  count: z.coerce.number().int().min(1).max(2_000_000).default(1000),
  seed: z.coerce.number().int().min(0).max(2 ** 31).default(1),
  out: z.string().min(1).optional(),
});

function main(): void {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ options: { count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    fail((error as Error).message);
  }
  const parsed = Options.safeParse(values!);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  const { count, seed, out } = parsed.data;
  const alumni = generateDirectory(count, seed);
  // The generator must produce what the contract accepts; check a sample rather than 100,000 records.
  for (const alumnus of alumni.slice(0, 200)) Alumnus.parse(alumnus);
  const json = `[\n${alumni.map((a) => JSON.stringify(a)).join(',\n')}\n]\n`;
  if (out) {
    writeFileSync(out, json);
    process.stderr.write(`Wrote ${count} alumni to ${out}\n`);
  } else process.stdout.write(json);
}

function fail(message: string): never {
  process.stderr.write(`gen:directory: ${message}\nUsage: npm run gen:directory -- --count 100000 --seed 1 [--out FILE]\n`);
  process.exit(2);
}

main();
