import { type Database, OutboxRecord } from '../db';
import type { OutboxItemStatus } from './status';

/** The outbox as stored, parsed on read: a record this version cannot read is skipped, not fatal. */
export async function readOutbox(db: Database, states?: OutboxRecord['state'][]): Promise<OutboxRecord[]> {
  const rows = states
    ? (await Promise.all(states.map((state) => db.getAllFromIndex('outbox', 'by-state', state)))).flat()
    : await db.getAll('outbox');
  return rows.flatMap((row) => {
    const parsed = OutboxRecord.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function readOutboxItem(db: Database, id: string): Promise<OutboxRecord | undefined> {
  const parsed = OutboxRecord.safeParse(await db.get('outbox', id));
  return parsed.success ? parsed.data : undefined;
}

export async function writeOutboxItem(db: Database, record: OutboxRecord): Promise<void> {
  await db.put('outbox', OutboxRecord.parse(record));
}

/** What the page and popup see of an item: its state and, for a final failure, the server's reason. */
export function statusOf(record: OutboxRecord): OutboxItemStatus {
  return {
    id: record.id,
    kind: record.kind,
    state: record.state,
    attempts: record.attempts,
    createdAt: record.createdAt,
    ...(record.error !== undefined && { error: record.error }),
    ...(record.state === 'failed' && { stopped: record.stopped ?? 'refused' }),
    ...(record.nextAttemptAt !== undefined && record.state !== 'sent' && record.state !== 'failed' && {
      nextAttemptAt: record.nextAttemptAt,
    }),
  };
}
