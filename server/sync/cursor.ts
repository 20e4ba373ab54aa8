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

export function encodeCursor(position: SyncPosition): string {
  const text = position.snapshot !== undefined && position.seq < position.snapshot
    ? `v1:${position.seq}:${position.snapshot}`
    : `v1:${position.seq}`;
  return Buffer.from(text, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): SyncPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^v1:(\d{1,15})(?::(\d{1,15}))?$/.exec(text);
  if (!match) {
    throw new ApiProblem(400, 'invalid_cursor', 'The `since` cursor is not one this server issued; sync again without it.', [
      { path: ['since'], message: 'unknown cursor' },
    ]);
  }
  return { seq: Number(match[1]), ...(match[2] ? { snapshot: Number(match[2]) } : {}) };
}
