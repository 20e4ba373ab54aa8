import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApiProblem } from '../http/problem';

/**
 * Position in a delta sync. `seq` is the last change number the client has seen. `snapshot` is set while a
 * first sync is still paging: changes numbered up to it belong to the initial snapshot, where only live
 * records are sent (a new client need not learn the ids of deleted or non-consenting alumni).
 */
export interface SyncPosition {
  seq: number;
  snapshot?: number;
}

/**
 * Cursors are opaque and tamper-evident: `base64url("v2:seq[:snapshot]") "." base64url(HMAC)`, the HMAC
 * (SHA-256, 128 bits kept) over the position and the feed it belongs to, with the database's secret. A
 * client can only hand back a cursor this backend gave it for the same feed: a forged one (say "seq 0,
 * no snapshot", which would list every withheld id in `removed`) or one from another feed is refused.
 */
export function encodeCursor(position: SyncPosition, feed: string, key: Buffer): string {
  const text = position.snapshot !== undefined && position.seq < position.snapshot
    ? `v2:${position.seq}:${position.snapshot}`
    : `v2:${position.seq}`;
  return `${Buffer.from(text, 'utf8').toString('base64url')}.${mac(text, feed, key).toString('base64url')}`;
}

export function decodeCursor(cursor: string, feed: string, key: Buffer): SyncPosition {
  const [payload, signature, ...rest] = cursor.split('.');
  const text = Buffer.from(payload ?? '', 'base64url').toString('utf8');
  const match = /^v2:(\d{1,15})(?::(\d{1,15}))?$/.exec(text);
  const given = Buffer.from(signature ?? '', 'base64url');
  const expected = mac(text, feed, key);
  if (rest.length > 0 || !match || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiProblem(400, 'invalid_cursor', 'The `since` cursor is not one this server issued for this feed; sync again without it.', [
      { path: ['since'], message: 'unknown cursor' },
    ]);
  }
  return { seq: Number(match[1]), ...(match[2] ? { snapshot: Number(match[2]) } : {}) };
}

function mac(text: string, feed: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(`${feed}\n${text}`).digest().subarray(0, 16);
}
