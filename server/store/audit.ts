import type { AuditEntry, AuditPage } from '../../utils/api/console';
import type { Queryable } from '../db/database';

export interface Actor {
  name: string;
  role: string;
}

/** The command line acts as nobody in particular, so its changes are logged under this name. */
export const commandLine: Actor = { name: 'command line', role: 'admin' };

/** Records one admin action. `target` names what was acted on; erasures pass none (the log must not say who). */
export async function recordAudit(db: Queryable, actor: Actor, action: string, target?: string, details: Record<string, unknown> = {}) {
  await db.query('INSERT INTO audit_log (actor, actor_role, action, target, details) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    actor.name,
    actor.role,
    action,
    target ?? null,
    JSON.stringify(details),
  ]);
}

type AuditRow = { id: string; at: Date; actor: string; actor_role: string; action: string; target: string | null; details: Record<string, unknown> };

/** Newest first; `before` is the `next` of the previous page. */
export async function auditPage(db: Queryable, before: number | undefined, limit: number): Promise<AuditPage> {
  const rows = await db.query<AuditRow>(
    'SELECT * FROM audit_log WHERE ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT $2',
    [before ?? null, limit + 1],
  );
  const entries: AuditEntry[] = rows.slice(0, limit).map((row) => ({
    id: Number(row.id),
    at: row.at.toISOString(),
    actor: row.actor,
    actorRole: row.actor_role,
    action: row.action,
    ...(row.target ? { target: row.target } : {}),
    details: row.details,
  }));
  return { entries, ...(rows.length > limit ? { next: String(entries.at(-1)!.id) } : {}) };
}
