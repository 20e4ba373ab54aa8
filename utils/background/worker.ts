import { browser, type Browser } from 'wxt/browser';
import { type BackendClient, type BackendConfig, createBackendClient } from '../backend';
import { readConfig, readDisplay, readSettings, restrictStorageAccess, watchConfig, watchDisplay } from '../config';
import { countDiagnostic, type Database, openDatabase } from '../db';
import { type MessageName, messages } from '../messaging/protocol';
import { type Handler, type Handlers, routeMessage } from '../messaging/router';
import { createOutbox, type Outbox, OUTBOX_ALARM, pruneOutbox } from '../outbox';
import { createSyncService, IndexHolder, scheduleSync, SYNC_ALARM } from '../sync';
import { Meeting } from '../api';
import { updateOfferBadge } from './badge';
import { storeMeeting } from './meetings';
import type { WorkerContext } from './context';
import { createHandlers } from './handlers';
import { updateOrgsiteRegistration } from './orgsite';
import { forgetListeningTab, notifyDataChanged } from './listening-tabs';
import { clearPanelTab } from './panel-tabs';
import { applyDisplayMode, openPanelFromToolbar } from './side-panel';
import { forgetTab } from './tab-recognition';
import { createStoredPageSettings } from './stored-page-settings';

export interface WorkerOptions {
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  dbName?: string;
}

/**
 * Starts the background worker: every listener is registered synchronously, before the first
 * await, so an event that woke the worker is never missed; the database opens behind them.
 */
export function startBackgroundWorker(options: WorkerOptions = {}) {
  const ready = createContext(options);
  const handlers = deferredHandlers(ready.then((ctx) => createHandlers(ctx)));
  const rules = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  const inBackground = (task: (ctx: WorkerContext) => Promise<unknown>) =>
    void ready.then(task).catch((error: unknown) => console.error('[alumni-lens]', error));

  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => routeMessage(handlers, rules, message, sender);
  const onStart = () => {
    applyDisplay();
    inBackground(async (ctx) => {
      // The browser forgets badge text when it restarts; show the count from stored offers at once.
      await updateOfferBadge(ctx.db);
      await scheduleSync();
      await Promise.all([ctx.sync.requestSync(), ctx.outbox.flush()]);
    });
  };
  const onAlarm = (alarm: Browser.alarms.Alarm) => {
    if (alarm.name === SYNC_ALARM) inBackground((ctx) => ctx.sync.requestSync());
    if (alarm.name === OUTBOX_ALARM) inBackground((ctx) => ctx.outbox.flush());
  };
  const onPermissionsChanged = () => inBackground((ctx) => updateOrgsiteRegistration(ctx.db));
  const onTabRemoved = (tabId: number) => {
    void forgetTab(tabId);
    void clearPanelTab(tabId);
    void forgetListeningTab(tabId);
  };
  // The toolbar button reaches the worker only when it has no popup: in side-panel mode.
  const onActionClicked = () => openPanelFromToolbar();
  // The browser keeps the toolbar button's popup until it restarts; set it at install, start and each change.
  const applyDisplay = () => inBackground(async (ctx) => applyDisplayMode((await readDisplay(ctx.report)).mode));

  // Each event with its listener, so stop() removes exactly what was added.
  const subscriptions: Array<[ListenerEvent | undefined, (...args: never[]) => unknown]> = [
    [browser.runtime.onMessage as ListenerEvent, onMessage],
    [browser.runtime.onInstalled as ListenerEvent, onStart],
    [browser.runtime.onStartup as ListenerEvent, onStart],
    [browser.alarms.onAlarm as ListenerEvent, onAlarm],
    [browser.permissions?.onAdded as ListenerEvent | undefined, onPermissionsChanged],
    [browser.permissions?.onRemoved as ListenerEvent | undefined, onPermissionsChanged],
    [browser.tabs?.onRemoved as ListenerEvent | undefined, onTabRemoved],
    [browser.action?.onClicked as ListenerEvent | undefined, onActionClicked],
  ];
  for (const [event, listener] of subscriptions) event?.addListener(listener);
  // Saving a configuration (options page, policy, or straight into storage) syncs at once.
  // Items queued while unconfigured start their delivery (and retries) too.
  const unwatchConfig = watchConfig(() =>
    inBackground((ctx) => Promise.all([ctx.sync.requestSync({ configChanged: true }), ctx.outbox.flush()])),
  );

  const unwatchDisplay = watchDisplay(applyDisplay);

  return {
    ready,
    /** Removes this worker's listeners and closes its database (tests simulate a stopped worker). */
    async stop() {
      for (const [event, listener] of subscriptions) event?.removeListener(listener);
      unwatchConfig();
      unwatchDisplay();
      const ctx = await ready;
      ctx.pageSettings.dispose();
      await ctx.sync.idle();
      ctx.db.close();
    },
  };
}

interface ListenerEvent {
  addListener(listener: (...args: never[]) => unknown): void;
  removeListener(listener: (...args: never[]) => unknown): void;
}

export type BackgroundWorker = ReturnType<typeof startBackgroundWorker>;

async function createContext(options: WorkerOptions): Promise<WorkerContext> {
  // Chromium: content scripts lose storage.local altogether (the connection is in the trusted store anyway).
  void restrictStorageAccess();
  const db: Database = await openDatabase(options.dbName);
  const now = options.now ?? Date.now;
  const report = (key: string, message: string) => {
    console.warn(`[alumni-lens] ${key}: ${message}`);
    void countDiagnostic(db, { kind: 'stored-data', adapter: key, missing: message.slice(0, 300) });
  };
  const createClient = (config: BackendConfig) => createBackendClient(config, { fetch: options.fetch });
  const readCurrentConfig = () => readConfig(report);
  const currentClient = async () => {
    const { config } = await readCurrentConfig();
    return config ? createClient(config) : null;
  };
  const pageSettings = createStoredPageSettings(async () => {
    const [settings, display, { config }] = await Promise.all([readSettings(report), readDisplay(report), readCurrentConfig()]);
    return { settings, display, configured: config !== null };
  });
  const index = new IndexHolder(db, (message) => report('recognition index', message));
  const outbox = createOutbox({
    db,
    getClient: currentClient,
    now,
    random: options.random,
    // The backend answers a meeting request or step with the meeting as it is now: show it without waiting for a sync.
    onDelivered: async (record, answer) => {
      if (record.kind !== 'meeting' && record.kind !== 'meeting-step') return;
      const meeting = Meeting.safeParse(answer);
      if (meeting.success) await storeMeeting(db, meeting.data);
      await updateOfferBadge(db);
    },
  });
  const sync = createSyncService({
    db,
    index,
    readConfig: readCurrentConfig,
    createClient,
    now,
    afterSync: async (_me, { dataChanged, configChanged, dataVersion }) => {
      // Open tabs of supported sites read and match their page again: no reload after a sync.
      if (dataChanged || configChanged) await notifyDataChanged(dataVersion).catch((error: unknown) => report('open tabs', String(error)));
      await updateOfferBadge(db);
      await updateOrgsiteRegistration(db).catch((error: unknown) => report('organisation websites', String(error)));
      // The backend answered: a good moment to deliver anything still waiting.
      await outbox.flush();
      await reportOutbox(outbox, await currentClient());
      // …and to forget what was delivered long enough ago (PRIVACY.md, "Retention").
      await pruneOutbox(db, now()).catch((error: unknown) => report('outbox retention', String(error)));
    },
  });
  return { db, index, sync, outbox, readConfig: readCurrentConfig, pageSettings, createClient, currentClient, now, report };
}

/**
 * After a sync, the client tells the backend how many items wait and how many the backend refused for good, so the
 * programme's console can show failures nobody else sees. Counts only; a backend without the endpoint is fine.
 */
async function reportOutbox(outbox: Outbox, client: BackendClient | null): Promise<void> {
  if (!client) return;
  const [pending, failed] = await Promise.all([outbox.pendingCount(), outbox.failed()]);
  await client.reportStatus({ pending, failed: failed.length }).catch(() => undefined);
}

/** Handlers usable before the database is open: each waits for the real one. */
function deferredHandlers(real: Promise<Handlers>): Handlers {
  const entries = (Object.keys(messages) as MessageName[]).map((name) => {
    const handler: Handler<MessageName> = async (payload, sender) => {
      const handlers = await real;
      return (handlers[name] as Handler<MessageName>)(payload as never, sender);
    };
    return [name, handler] as const;
  });
  return Object.fromEntries(entries) as unknown as Handlers;
}
