export { chainOf, createOutbox, GIVE_UP_AFTER_MS, OUTBOX_ALARM, type Outbox, type OutboxDeps } from './outbox';
export { retryDelay, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff';
export { readOutbox, statusOf } from './store';
export { pruneOutbox, SENT_RETENTION_MS } from './retention';
