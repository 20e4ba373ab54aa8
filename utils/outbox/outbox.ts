import { browser } from 'wxt/browser';
import type { InterestInput, IntroductionInput } from '../api';
import { type BackendClient, BackendError } from '../backend';
import type { Database, OutboxRecord } from '../db';
import type { OutboxItemStatus } from '../messaging/protocol';
import { BACKOFF_BASE_MS, retryDelay } from './backoff';
import { readOutbox, readOutboxItem, statusOf, writeOutboxItem } from './store';

export const OUTBOX_ALARM = 'alumni-lens:outbox';

export interface OutboxDeps {
  db: Database;
  /** The backend client for the configuration in effect, or null when unconfigured. */
  getClient: () => Promise<BackendClient | null>;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
}

/**
 * The durable outbox. An item is written to IndexedDB before any network call; delivery attempts
 * and their outcomes are written back, and the next retry is an alarm, so everything survives the
 * worker being stopped and the browser restarting. The id doubles as the backend's idempotency
 * key, so a retry after a lost answer never stores a second copy.
 */
export function createOutbox(deps: OutboxDeps) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  let flushing: Promise<void> | null = null;
  let flushAgain = false;

  async function enqueue(item: Pick<OutboxRecord, 'kind' | 'body'>): Promise<OutboxRecord> {
    const record = { ...item, id: item.body.id, state: 'queued', attempts: 0, createdAt: now(), nextAttemptAt: now() } as OutboxRecord;
    await writeOutboxItem(deps.db, record);
    return record;
  }

  async function deliver(record: OutboxRecord, client: BackendClient): Promise<void> {
    await writeOutboxItem(deps.db, { ...record, state: 'sending' });
    const attempts = record.attempts + 1;
    try {
      if (record.kind === 'introduction') await client.postIntroduction(record.body);
      else await client.postInterest(record.body);
      await writeOutboxItem(deps.db, { ...record, state: 'sent', attempts, sentAt: now(), error: undefined, nextAttemptAt: undefined });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = !(error instanceof BackendError) || error.retryable;
      await writeOutboxItem(
        deps.db,
        retry
          ? { ...record, state: 'queued', attempts, error: message, nextAttemptAt: now() + retryDelay(attempts, deps.random) }
          : { ...record, state: 'failed', attempts, error: message, nextAttemptAt: undefined },
      );
    }
  }

  /** Attempts every item that is due; an item left 'sending' by a stopped worker is due again. */
  async function flushOnce(): Promise<void> {
    const client = await deps.getClient();
    // Unconfigured: nothing can be sent; saving a configuration syncs, and a sync flushes.
    if (!client) return;
    const due = (await readOutbox(deps.db, ['queued', 'sending'])).filter(
      (record) => record.state === 'sending' || (record.nextAttemptAt ?? 0) <= now(),
    );
    // A watchdog in case the worker is stopped mid-delivery: the item, left 'sending', is retried.
    if (due.length > 0) await browser.alarms.create(OUTBOX_ALARM, { when: now() + BACKOFF_BASE_MS });
    for (const record of due) await deliver(record, client);
    await scheduleAlarm();
  }

  /** One flush at a time; a request during one runs another right after. */
  function flush(): Promise<void> {
    if (flushing) {
      flushAgain = true;
      return flushing;
    }
    flushing = (async () => {
      try {
        do {
          flushAgain = false;
          await flushOnce();
        } while (flushAgain);
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }

  /** The alarm fires at the earliest due retry; no alarm when nothing is waiting. */
  async function scheduleAlarm(): Promise<void> {
    const waiting = await readOutbox(deps.db, ['queued', 'sending']);
    if (waiting.length === 0) {
      await browser.alarms.clear(OUTBOX_ALARM);
      return;
    }
    const when = Math.max(now() + 1000, Math.min(...waiting.map((record) => record.nextAttemptAt ?? now())));
    await browser.alarms.create(OUTBOX_ALARM, { when });
  }

  /**
   * Queues an item and makes a first attempt at once; answers with the item's state after that
   * attempt, or 'queued' when the attempt takes longer than `waitMs` (it continues, and the
   * page asks again with page:outbox-status).
   */
  async function submit(item: Pick<OutboxRecord, 'kind' | 'body'>, waitMs = 3000): Promise<OutboxItemStatus> {
    const record = await enqueue(item);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([flush(), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
    return statusOf((await readOutboxItem(deps.db, record.id)) ?? record);
  }

  return {
    logIntroduction: (input: Omit<IntroductionInput, 'id'>, waitMs?: number) =>
      submit({ kind: 'introduction', body: { ...input, id: newId() } }, waitMs),
    expressInterest: (input: Omit<InterestInput, 'id'>, waitMs?: number) =>
      submit({ kind: 'interest', body: { ...input, id: newId() } }, waitMs),
    flush,
    scheduleAlarm,
    async statuses(ids: string[]): Promise<OutboxItemStatus[]> {
      const records = await Promise.all(ids.map((id) => readOutboxItem(deps.db, id)));
      return records.flatMap((record) => (record ? [statusOf(record)] : []));
    },
    async pendingCount(): Promise<number> {
      return (await readOutbox(deps.db, ['queued', 'sending'])).length;
    },
    async failed(): Promise<OutboxItemStatus[]> {
      return (await readOutbox(deps.db, ['failed'])).map(statusOf);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
