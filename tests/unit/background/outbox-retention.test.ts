// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase, type OutboxRecord } from '../../../utils/db';
import { pruneOutbox, SENT_RETENTION_MS } from '../../../utils/outbox';
import { readOutbox } from '../../../utils/outbox/store';

let db: Database;
const now = Date.parse('2026-11-27T10:00:00Z');
const hour = 60 * 60 * 1000;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
});

let n = 0;
function item(state: OutboxRecord['state'], createdAgo: number, sentAgo?: number): OutboxRecord {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    kind: 'introduction',
    body: { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, alumnusId: 'a1', kind: 'referral', note: 'Met at the alumni night', context: { url: 'https://www.linkedin.com/in/someone/' }, occurredAt: new Date(now - createdAgo).toISOString() },
    state,
    attempts: 1,
    createdAt: now - createdAgo,
    ...(sentAgo !== undefined && { sentAt: now - sentAgo }),
    ...(state === 'failed' && { error: 'Unknown alumnus' }),
  } as OutboxRecord;
}

describe('The outbox keeps in the browser only what it still needs', () => {
  it('forgets sent items a day after delivery, never a queued one, nor a failed one the user has not retried or discarded', async () => {
    const year = 365 * 24 * hour;
    const keep = [item('sent', 2 * hour, SENT_RETENTION_MS - hour), item('failed', year), item('queued', year)];
    const drop = [item('sent', SENT_RETENTION_MS * 2, SENT_RETENTION_MS + hour)];
    for (const record of [...keep, ...drop]) await db.put('outbox', record);

    expect(await pruneOutbox(db, now)).toBe(1);
    expect((await readOutbox(db)).map((r) => r.id).sort()).toEqual(keep.map((r) => r.id).sort());
    // Nothing more to do the next time.
    expect(await pruneOutbox(db, now)).toBe(0);
  });
});
