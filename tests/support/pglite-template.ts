import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { applyDemoSeed } from '../../server/seed/apply-demo-seed';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's migrated PGlite data folder (provided by the server and e2e global setups; e2e's holds the demo company). */
    pgliteTemplate: string | null;
  }
}

/**
 * A PGlite data folder, initialised and migrated once per test run, that test servers start from as a copy.
 * Creating a database costs PGlite an initdb in WebAssembly (about 3 s of CPU here, 4.3 s with the migrations),
 * while copying this 40 MB folder and opening it costs about 1.2 s: with some 80 PGlite servers a run, that was
 * minutes of `npm test` on 2 cores. The copy is the same database a fresh one would be (no rows, every migration).
 * With `seed: 'demo'` it also holds the demo company, as a server started with the demo seed writes it (the
 * end-to-end backends: seeding costs each about as much as opening it; the server then finds nothing missing).
 */
export async function preparePgliteTemplate(folder: string, options: { seed?: 'demo' } = {}): Promise<string> {
  rmSync(folder, { recursive: true, force: true });
  const db = await openDatabase({ dataDir: folder, durability: 'none' });
  try {
    await migrate(db);
    if (options.seed === 'demo') await applyDemoSeed(db);
  } finally {
    await db.close();
  }
  return folder;
}

/** A fresh data folder holding a copy of the template (or an empty one when there is none), for one server. */
export function dataFolderFrom(template: string | null | undefined, prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  if (template && existsSync(template)) cpSync(template, folder, { recursive: true });
  return folder;
}
