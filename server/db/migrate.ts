import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Held by whoever creates or migrates the schema, for the length of each transaction. */
const MIGRATION_LOCK = 7411000;

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The SQL files in migrations/, named NNN_what_it_does.sql, in version order. */
export function loadMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(migrationsDir + file, 'utf8'),
    }));
}

/**
 * Applies the migrations the database has not seen yet, each in its own transaction, and records them.
 * Migrations only add (tables, columns, indexes, derived data), so upgrading never loses data; a database
 * from a newer release than this code is refused rather than touched. `upTo` stops early (tests use it to
 * build a data folder as an older release left it).
 */
export async function migrate(db: Database, options: { upTo?: number } = {}): Promise<number[]> {
  // The lock comes before anything is created: two instances starting together on an empty PostgreSQL would
  // otherwise both run CREATE TABLE IF NOT EXISTS, and one of them fails on the catalog's unique index.
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const migrations = loadMigrations().filter((m) => m.version <= (options.upTo ?? Infinity));
  const latestKnown = loadMigrations().at(-1)?.version ?? 0;
  const applied: number[] = [];
  for (const migration of migrations) {
    const didApply = await db.transaction(async (tx) => {
      // Two servers starting on one PostgreSQL at once must not both apply the same step.
      await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const newest = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
      if ((newest[0]?.version ?? 0) > latestKnown) {
        throw new Error(
          `The database has schema version ${newest[0]?.version}, newer than this server knows (${latestKnown}). Upgrade the server.`,
        );
      }
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (didApply) applied.push(migration.version);
  }
  return applied;
}
