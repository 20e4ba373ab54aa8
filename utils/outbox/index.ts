export { chainOf, createOutbox, OUTBOX_ALARM, type Outbox, type OutboxDeps } from './outbox';
export { retryDelay, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff';
export { readOutbox, statusOf } from './store';
export { pruneOutbox, SENT_RETENTION_MS, FAILED_RETENTION_MS } from './retention';
