import type { Organization, OrganizationInput, Role } from '../../utils/api';
import { lockSyncedWrites, type Database, type Queryable } from '../db/database';
import { readDeltaPage } from '../sync/delta-page';

function present(row: { id: string; record: Record<string, unknown>; updated_at: Date }): Organization {
  return { id: row.id, ...(row.record as Omit<Organization, 'id' | 'updatedAt'>), updatedAt: row.updated_at.toISOString() };
}

/** Creates or replaces an organisation; `created` tells the two apart. Unchanged records keep their change number. */
export async function upsertOrganization(
  db: Database,
  input: OrganizationInput,
): Promise<{ organization: Organization; created: boolean }> {
  const { id, ...record } = input;
  return db.transaction(async (tx) => {
    await lockSyncedWrites(tx);
    const existed = await tx.query('SELECT 1 FROM organizations WHERE id = $1 AND deleted_at IS NULL', [id]);
    await tx.query(
      `INSERT INTO organizations (id, record) VALUES ($1, $2::jsonb)
       ON CONFLICT (id) DO UPDATE
         SET record = EXCLUDED.record, seq = nextval('change_seq'), updated_at = now(), deleted_at = NULL
         WHERE organizations.record IS DISTINCT FROM EXCLUDED.record OR organizations.deleted_at IS NOT NULL`,
      [id, JSON.stringify(record)],
    );
    const rows = await tx.query<{ id: string; record: Record<string, unknown>; updated_at: Date }>(
      'SELECT id, record, updated_at FROM organizations WHERE id = $1',
      [id],
    );
    return { organization: present(rows[0]), created: existed.length === 0 };
  });
}

export async function deleteOrganization(db: Database, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockSyncedWrites(tx);
    const rows = await tx.query(
      `UPDATE organizations SET deleted_at = now(), updated_at = now(), seq = nextval('change_seq')
        WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [id],
    );
    return rows.length > 0;
  });
}

/**
 * Alumni see only the organisations an open offer concerns (where they are shown those offers), following
 * their own change number: one that stops being concerned reaches them as removed, the others never at all
 * (see migration 005).
 */
export async function organizationsPage(db: Queryable, role: Role, since: string | undefined, limit: number) {
  const page =
    role === 'alumni'
      ? await readDeltaPage(db, 'organizations', 'deleted_at IS NULL AND offered', since, limit, 'alumni_seq')
      : await readDeltaPage(db, 'organizations', 'deleted_at IS NULL', since, limit);
  return { organizations: page.live.map(present), removed: page.removed, cursor: page.cursor, complete: page.complete };
}
