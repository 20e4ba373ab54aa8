import { browser } from 'wxt/browser';
import type { InterestInput, IntroductionInput, MeetingInput, MeetingStep, SuggestionInput } from '../api';
import { type BackendClient, BackendError } from '../backend';
import type { Database, OutboxRecord } from '../db';
import type { OutboxItemStatus } from './status';
import { BACKOFF_BASE_MS, retryDelay } from './backoff';
import { readOutbox, readOutboxItem, statusOf, writeOutboxItem } from './store';
import { subjectOf } from './subject';

export const OUTBOX_ALARM = 'alumni-lens:outbox';

/**
 * How long an item is retried (server errors, no network) before it becomes "failed, not sent" with the
 * backend's last answer. It is then kept, shown in the popup and on the options page, until the user chooses
 * Retry or Discard: nothing is ever dropped silently.
 */
export const GIVE_UP_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export interface OutboxDeps {
  db: Database;
  /** The backend client for the configuration in effect, or null when unconfigured. */
  getClient: () => Promise<BackendClient | null>;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
  /** Called with the backend's answer to each delivered item (meetings keep the answered meeting). */
  onDelivered?: (record: OutboxRecord, answer: unknown) => Promise<void>;
}

/**
 * Items that must reach the backend in the order they were made: a meeting's request before its steps, and
 * its steps one after another. Items of one chain wait while an earlier one is still pending.
 */
export function chainOf(record: OutboxRecord): string | undefined {
  if (record.kind === 'meeting') return `meeting:${record.body.id}`;
  if (record.kind === 'meeting-step') return `meeting:${record.body.meetingId}`;
  return undefined;
}

function post(client: BackendClient, record: OutboxRecord): Promise<unknown> {
  switch (record.kind) {
    case 'introduction':
      return client.postIntroduction(record.body);
    case 'interest':
      return client.postInterest(record.body);
    case 'meeting':
      return client.postMeeting(record.body);
    case 'meeting-step':
      return client.postMeetingEvent(record.body.meetingId, { id: record.body.id, ...record.body.step });
    case 'suggestion':
      return client.postSuggestion(record.body);
  }
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
    // Strictly after every item still waiting, so the order of a meeting's steps survives a coarse or frozen clock.
    const latest = Math.max(0, ...(await readOutbox(deps.db, ['queued', 'sending'])).map((waiting) => waiting.createdAt));
    const createdAt = Math.max(now(), latest + 1);
    const record = { ...item, id: item.body.id, state: 'queued', attempts: 0, createdAt, nextAttemptAt: now() } as OutboxRecord;
    await writeOutboxItem(deps.db, record);
    return record;
  }

  /** Delivers one item; answers whether it is done (sent, or refused for good). */
  async function deliver(record: OutboxRecord, client: BackendClient): Promise<boolean> {
    await writeOutboxItem(deps.db, { ...record, state: 'sending' });
    const attempts = record.attempts + 1;
    try {
      const answer = await post(client, record);
      await writeOutboxItem(deps.db, { ...record, state: 'sent', attempts, sentAt: now(), error: undefined, nextAttemptAt: undefined });
      await deps.onDelivered?.(record, answer).catch((error: unknown) => console.warn('[alumni-lens] after delivery:', error));
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryable = !(error instanceof BackendError) || error.retryable;
      const expired = retryable && now() - (record.retriedAt ?? record.createdAt) >= GIVE_UP_AFTER_MS;
      await writeOutboxItem(
        deps.db,
        retryable && !expired
          ? { ...record, state: 'queued', attempts, error: message, nextAttemptAt: now() + retryDelay(attempts, deps.random) }
          : { ...record, state: 'failed', attempts, error: message, stopped: expired ? 'expired' : 'refused', nextAttemptAt: undefined },
      );
      return !retryable || expired;
    }
  }

  /** Attempts every item that is due; an item left 'sending' by a stopped worker is due again. */
  async function flushOnce(): Promise<void> {
    const client = await deps.getClient();
    // Unconfigured: nothing can be sent; saving a configuration syncs, and a sync flushes.
    if (!client) return;
    const waiting = (await readOutbox(deps.db, ['queued', 'sending'])).sort((a, b) => a.createdAt - b.createdAt);
    const isDue = (record: OutboxRecord) => record.state === 'sending' || (record.nextAttemptAt ?? 0) <= now();
    // A watchdog in case the worker is stopped mid-delivery: the item, left 'sending', is retried.
    if (waiting.some(isDue)) await browser.alarms.create(OUTBOX_ALARM, { when: now() + BACKOFF_BASE_MS });
    // Oldest first; a chain (one meeting) stops at its first item that is not delivered now.
    const blocked = new Set<string>();
    for (const record of waiting) {
      const chain = chainOf(record);
      if (chain && blocked.has(chain)) continue;
      const done = isDue(record) && (await deliver(record, client));
      if (!done && chain) blocked.add(chain);
    }
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
    requestMeeting: (input: Omit<MeetingInput, 'id'>, waitMs?: number) =>
      submit({ kind: 'meeting', body: { ...input, id: newId() } }, waitMs),
    meetingStep: (meetingId: string, step: MeetingStep, waitMs?: number) =>
      submit({ kind: 'meeting-step', body: { id: newId(), meetingId, step } }, waitMs),
    suggestOffer: (input: Omit<SuggestionInput, 'id'>, waitMs?: number) =>
      submit({ kind: 'suggestion', body: { ...input, id: newId() } }, waitMs),
    flush,
    scheduleAlarm,
    async statuses(ids: string[]): Promise<OutboxItemStatus[]> {
      const records = await Promise.all(ids.map((id) => readOutboxItem(deps.db, id)));
      return records.flatMap((record) => (record ? [statusOf(record)] : []));
    },
    async pendingCount(): Promise<number> {
      return (await readOutbox(deps.db, ['queued', 'sending'])).length;
    },
    /** What was refused or not sent in time, oldest first, each with who or what it is about. */
    async failed(): Promise<OutboxItemStatus[]> {
      const records = (await readOutbox(deps.db, ['failed'])).sort((a, b) => a.createdAt - b.createdAt);
      return Promise.all(
        records.map(async (record) => {
          const subject = await subjectOf(deps.db, record).catch(() => undefined);
          return { ...statusOf(record), ...(subject ? { subject } : {}) };
        }),
      );
    },
    /** The user's Retry on a failed item: queued again with a fresh give-up time, and sent at once if it can be. */
    async retry(id: string): Promise<OutboxItemStatus | undefined> {
      const record = await readOutboxItem(deps.db, id);
      if (!record || record.state !== 'failed') return record && statusOf(record);
      await writeOutboxItem(deps.db, { ...record, state: 'queued', attempts: 0, retriedAt: now(), nextAttemptAt: now(), stopped: undefined });
      await flush();
      const after = await readOutboxItem(deps.db, id);
      return after && statusOf(after);
    },
    /** The user's Discard on a failed item (only failed ones: what is still being sent is never thrown away). */
    async discard(id: string): Promise<boolean> {
      const record = await readOutboxItem(deps.db, id);
      if (!record || record.state !== 'failed') return false;
      await deps.db.delete('outbox', id);
      return true;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
