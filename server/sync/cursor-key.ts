import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

const keys = new WeakMap<Queryable, Promise<Buffer>>();

/**
 * The key that signs this database's sync cursors: read once per database handle, created by whichever
 * server asks first (the primary key decides a race between two starting on one PostgreSQL, and both then
 * read the winner's), so every instance signs and checks with the same one.
 */
export function cursorKey(db: Queryable): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = loadOrCreate(db);
    keys.set(db, key);
    // A failed read (database down) is not remembered: the next request tries again.
    key.catch(() => keys.delete(db));
  }
  return key;
}

async function loadOrCreate(db: Queryable): Promise<Buffer> {
  await db.query("INSERT INTO server_secrets (name, secret) VALUES ('sync-cursor', $1) ON CONFLICT (name) DO NOTHING", [
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ secret: string }>("SELECT secret FROM server_secrets WHERE name = 'sync-cursor'");
  return Buffer.from(row.secret, 'base64url');
}
