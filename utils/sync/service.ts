import type { Me } from '../api';
import { ApiError, type BackendClient, type BackendConfig } from '../backend';
import type { ConfigState } from '../config';
import { type Database, getMeta, holdRecords, setMeta, type SyncResource } from '../db';
import type { SyncStatus } from '../messaging/protocol';
import { clearSyncedData, commitDelta, commitSnapshot } from './commit';
import { fetchDeltaOrResync } from './delta';
import type { IndexHolder } from './index-holder';

export interface SyncDeps {
  db: Database;
  index: IndexHolder;
  readConfig: () => Promise<ConfigState>;
  createClient: (config: BackendConfig) => BackendClient;
  now?: () => number;
  /** Runs after every successful sync (badge, organisation-site scripts, outbox flush, open tabs). */
  afterSync?: (me: Me, outcome: SyncOutcome) => Promise<void>;
}

/** What a successful sync changed, so open pages know to be matched again. */
export interface SyncOutcome {
  /** Records of any resource (directory, organisations, offers) changed, or the data was cleared for another owner. */
  dataChanged: boolean;
  /** The first sync since the configuration changed (pages waiting for a configuration start now). */
  configChanged: boolean;
  dataVersion: number;
}

/**
 * The alumni role cannot read the directory: it syncs the open offers meant for it and the organisations
 * those offers concern (the backend serves it no others), whose websites show the offers. Every role syncs
 * the meetings it takes part in.
 */
export function resourcesFor(role: Me['user']['role']): SyncResource[] {
  return role === 'alumni' ? ['organizations', 'offers', 'meetings'] : ['directory', 'organizations', 'offers', 'meetings'];
}

/** Which backend, company and role the data belongs to (roles see different fields, e.g. rehireEligible). */
export function dataOwnerOf(config: BackendConfig, me: Me): string {
  return JSON.stringify([config.apiUrl, me.company.name, me.user.role]);
}

/**
 * Runs delta syncs one at a time. A request while one runs joins it; only a changed configuration
 * queues one follow-up run (the running one may have read the old configuration).
 */
export function createSyncService(deps: SyncDeps) {
  const now = deps.now ?? Date.now;
  let state: SyncStatus['state'] = 'idle';
  let progress: SyncStatus['progress'] = null;
  let running: Promise<SyncStatus> | null = null;
  let rerun = false;
  // Configuration changes counted, and the count the last sync that reached the backend had seen.
  let configChanges = 0;
  let configChangesSynced = 0;

  async function status(): Promise<SyncStatus> {
    const [last, { config }] = await Promise.all([getMeta(deps.db, 'lastSync'), deps.readConfig()]);
    const { at, error } = last ?? { at: null, error: null };
    // A worker that has not synced since it woke still knows whether it is configured.
    const shownState = !config && !running ? 'unconfigured' : state === 'idle' && error ? 'error' : state;
    return { state: shownState, lastSuccessAt: at, lastError: error, progress };
  }

  async function runOnce(): Promise<void> {
    const { config } = await deps.readConfig();
    if (!config) {
      state = 'unconfigured';
      return;
    }
    state = 'syncing';
    progress = null;
    const previous = (await getMeta(deps.db, 'lastSync')) ?? { at: null, error: null };
    const configChangesSeen = configChanges;
    let dataChanged = false;
    let me: Me;
    try {
      const client = deps.createClient(config);
      me = await client.me();
      const owner = dataOwnerOf(config, me);
      if ((await getMeta(deps.db, 'dataOwner')) !== owner) {
        await clearSyncedData(deps.db);
        await setMeta(deps.db, 'dataOwner', owner);
        await deps.index.reset();
        dataChanged = true;
      }
      await setMeta(deps.db, 'me', me);
      for (const resource of resourcesFor(me.user.role)) {
        if (await syncResource(client, resource)) dataChanged = true;
      }
      if (me.user.role === 'alumni') await syncOwnProfile(deps.db, client);
      await setMeta(deps.db, 'lastSync', { at: now(), error: null });
      state = 'idle';
      progress = null;
    } catch (error) {
      await setMeta(deps.db, 'lastSync', { at: previous.at, error: error instanceof Error ? error.message : String(error) });
      state = 'error';
      progress = null;
      // What did commit (a snapshot, say) is in the index already; keep it for the next worker.
      await saveIndex();
      return;
    }
    // Recognition is ready (the index is in memory); saving it is for the next worker that wakes.
    await saveIndex();
    // Only a sync that reached the backend counts as the one after a configuration change.
    const configChanged = configChangesSeen !== configChangesSynced;
    configChangesSynced = configChangesSeen;
    // The data is in; what follows (badge, scripts, outbox, open tabs) reports its own problems.
    const dataVersion = (await getMeta(deps.db, 'dataVersion')) ?? 0;
    await deps.afterSync?.(me, { dataChanged, configChanged, dataVersion }).catch((error: unknown) => console.error('[alumni-lens] after sync:', error));
  }

  async function saveIndex(): Promise<void> {
    await deps.index.save().catch((error: unknown) => console.error('[alumni-lens] saving the recognition index:', error));
  }

  /**
   * A directory with no cursor yet starts from the backend's snapshot: one response, its records stored as they
   * came, its recognition index loaded as the server built it. A backend without snapshots is synced page by page.
   */
  async function startFromSnapshot(client: BackendClient): Promise<string | undefined> {
    const started = performance.now();
    const snapshot = await client.directorySnapshot();
    if (!snapshot) return undefined;
    const received = performance.now();
    progress = { resource: 'directory', received: snapshot.header.count };
    const { loadMs, storeMs } = await deps.index.replace({ index: snapshot.index, indexFormat: snapshot.header.index.format, lines: snapshot.lines }, async () => {
      const release = holdRecords(deps.db, snapshot.lines, snapshot.header.showcased);
      try {
        return await commitSnapshot(deps.db, snapshot.lines, snapshot.header.showcased, snapshot.header.cursor);
      } finally {
        release();
      }
    });
    // Kept for the options page's diagnostics and the benchmark (npm run bench -- first-sync).
    await setMeta(deps.db, 'snapshotTimings', {
      records: snapshot.header.count,
      fetchMs: Math.round(received - started - snapshot.parseMs),
      parseMs: Math.round(snapshot.parseMs),
      indexMs: Math.round(loadMs),
      storeMs: Math.round(storeMs),
    });
    return snapshot.header.cursor;
  }

  /** What an alumnus's client knows about them (their record, showcase, suggestions), for matching offers locally. */
  async function syncOwnProfile(db: Database, client: BackendClient): Promise<void> {
    try {
      await setMeta(db, 'profile', await client.profile());
    } catch (error) {
      // A token not linked to an alumnus record (or one erased) still sees offers, just unranked.
      if (!(error instanceof ApiError)) throw error;
      await db.delete('meta', 'profile');
    }
  }

  /** Syncs one resource; true when it changed any record. */
  async function syncResource(client: BackendClient, resource: SyncResource): Promise<boolean> {
    let since = await getMeta(deps.db, `cursor:${resource}`);
    // The directory starts (and, after the backend refused its cursor, starts again) from the snapshot.
    let fromSnapshot = false;
    const restart =
      resource === 'directory'
        ? async () => {
            const cursor = await startFromSnapshot(client);
            if (cursor !== undefined) fromSnapshot = true;
            return cursor;
          }
        : undefined;
    if (restart && since === undefined) since = await restart();
    const delta = await fetchDeltaOrResync(client, resource, since, (received) => {
      progress = { resource, received };
    }, restart);
    const version = await commitDelta(deps.db, delta);
    if (delta.resource === 'directory' || delta.resource === 'organizations') {
      // A replacement is rebuilt from the stored records; a delta is followed incrementally.
      if (delta.replace) await deps.index.reset();
      else await deps.index.applyDelta(delta as Parameters<IndexHolder['applyDelta']>[0], version);
    }
    return fromSnapshot || delta.changes.size > 0 || delta.replace === true;
  }

  /** Starts a sync (or joins the running one) and resolves when it has finished. */
  function requestSync(options: { configChanged?: boolean } = {}): Promise<SyncStatus> {
    if (options.configChanged) configChanges++;
    if (running) {
      if (options.configChanged) rerun = true;
      return running;
    }
    state = 'syncing';
    running = (async () => {
      do {
        rerun = false;
        await runOnce();
      } while (rerun);
      running = null;
      return status();
    })();
    return running;
  }

  return {
    requestSync,
    status,
    isRunning: () => running !== null,
    /** Resolves when no sync is running (tests, and handlers that must read settled data). */
    idle: () => running ?? Promise.resolve(),
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
