import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase } from '../../../server/db/database';
import { migrate } from '../../../server/db/migrate';

const templates = new Map<string, Promise<string>>();

/**
 * A new PGlite data folder at `target`, migrated up to `upTo` (all migrations by default). Creating a folder
 * runs PostgreSQL's initdb inside PGlite (seconds); each template is made once per test file and copied after.
 */
export async function newDataFolder(target: string, upTo?: number): Promise<string> {
  const key = String(upTo ?? 'latest');
  if (!templates.has(key)) {
    templates.set(
      key,
      (async () => {
        const folder = join(mkdtempSync(join(tmpdir(), 'alumni-lens-template-')), 'data');
        const db = await openDatabase({ dataDir: folder });
        await migrate(db, { upTo });
        await db.close();
        return folder;
      })(),
    );
  }
  cpSync(await templates.get(key)!, target, { recursive: true });
  return target;
}

/** Deletes the templates this test file made (call it in afterAll). */
export async function removeDataFolderTemplates(): Promise<void> {
  for (const template of templates.values()) rmSync(dirname(await template), { recursive: true, force: true });
  templates.clear();
}
