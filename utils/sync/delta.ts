import type { Alumnus, Meeting, Offer, Organization } from '../api';
import { ApiError, type BackendClient } from '../backend';
import type { SyncResource } from '../db';

export type RecordOf<R extends SyncResource> = R extends 'directory'
  ? Alumnus
  : R extends 'organizations'
    ? Organization
    : R extends 'meetings'
      ? Meeting
      : Offer;

/** Every change of one resource's run: the latest version of each changed record, or null if removed. */
export interface Delta<R extends SyncResource> {
  resource: R;
  changes: Map<string, RecordOf<R> | null>;
  cursor: string;
  /** A sync from scratch after the backend refused our cursor: the records replace what is stored. */
  replace?: boolean;
}

const PAGE_SIZE = 1000;
/** A backend that keeps answering `complete: false` without moving its cursor must not loop us forever. */
const MAX_PAGES = 10_000;

/**
 * Fetches what changed since `since`, or, when the backend no longer accepts that cursor (400
 * invalid_cursor: a server that now signs its cursors, a restored database), everything from scratch, to
 * replace what is stored: a first sync lists only live records, so records removed meanwhile go with the
 * replacement rather than lingering.
 */
export async function fetchDeltaOrResync<R extends SyncResource>(
  client: BackendClient,
  resource: R,
  since: string | undefined,
  onPage: (received: number) => void,
  /** Starts the resource afresh another way (the directory: from its snapshot) and gives the cursor to go on from. */
  restart?: () => Promise<string | undefined>,
): Promise<Delta<R>> {
  try {
    return await fetchDelta(client, resource, since, onPage);
  } catch (error) {
    if (since === undefined || !(error instanceof ApiError) || error.code !== 'invalid_cursor') throw error;
    const restarted = await restart?.();
    if (restarted !== undefined) return fetchDelta(client, resource, restarted, onPage);
    return { ...(await fetchDelta(client, resource, undefined, onPage)), replace: true };
  }
}

/**
 * Fetches every page of one resource changed since `since`, staging them in memory. Any page that
 * fails (network, auth, contract) throws, so nothing of this run reaches the database.
 */
export async function fetchDelta<R extends SyncResource>(
  client: BackendClient,
  resource: R,
  since: string | undefined,
  onPage: (received: number) => void,
): Promise<Delta<R>> {
  const changes = new Map<string, RecordOf<R> | null>();
  let cursor = since;
  let received = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { records, removed, next, complete } = await fetchPage(client, resource, cursor);
    // Later pages win: a record changed and then removed within one run ends removed.
    for (const record of records) changes.set(record.id, record as RecordOf<R>);
    for (const id of removed) changes.set(id, null);
    received += records.length + removed.length;
    onPage(received);
    if (complete) return { resource, changes, cursor: next };
    if (next === cursor) throw new Error(`The backend's ${resource} cursor did not advance`);
    cursor = next;
  }
  throw new Error(`The backend's ${resource} sync did not complete after ${MAX_PAGES} pages`);
}

async function fetchPage(client: BackendClient, resource: SyncResource, since: string | undefined) {
  const query = { since, limit: PAGE_SIZE };
  switch (resource) {
    case 'directory': {
      const page = await client.directoryPage(query);
      return { records: page.alumni, removed: page.removed, next: page.cursor, complete: page.complete };
    }
    case 'organizations': {
      const page = await client.organizationsPage(query);
      return { records: page.organizations, removed: page.removed, next: page.cursor, complete: page.complete };
    }
    case 'offers': {
      const page = await client.offersPage(query);
      return { records: page.offers, removed: page.removed, next: page.cursor, complete: page.complete };
    }
    case 'meetings': {
      const page = await client.meetingsPage(query);
      return { records: page.meetings, removed: page.removed, next: page.cursor, complete: page.complete };
    }
  }
}
