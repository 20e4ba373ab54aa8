import type { BackendClient, BackendConfig } from '../backend';
import type { ConfigState } from '../config';
import type { Database } from '../db';
import type { Outbox } from '../outbox';
import type { IndexHolder, SyncService } from '../sync';
import type { StoredPageSettingsSource } from './stored-page-settings';

/** Everything the message handlers and event listeners of the worker share. */
export interface WorkerContext {
  db: Database;
  index: IndexHolder;
  sync: SyncService;
  outbox: Outbox;
  readConfig: () => Promise<ConfigState>;
  /** The stored settings every page asks for as it loads, kept in memory until storage changes. */
  pageSettings: StoredPageSettingsSource;
  createClient: (config: BackendConfig) => BackendClient;
  /** The client for the configuration in effect, or null when unconfigured. */
  currentClient: () => Promise<BackendClient | null>;
  now: () => number;
  report: (key: string, message: string) => void;
}
