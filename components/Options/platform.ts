import { browser } from 'wxt/browser';
import { type DisplayMode, readDisplayPolicy, readSettings, updateSettings, type Settings } from '../../utils/config';
import { sendMessage } from '../../utils/messaging/client';

/** The connection as the options page shows it; a token set by policy is never shown. */
export interface ConnectionFields {
  apiUrl: string;
  token: string;
  /** Fields the enterprise policy sets: shown read-only. */
  locked: Array<'apiUrl' | 'token'>;
}

/** What the options page does outside itself: storage, permissions, the synced organisations. */
export interface OptionsPlatform {
  readConnection(): Promise<ConnectionFields>;
  saveConfig(input: { apiUrl: string; token: string }): Promise<unknown>;
  readSettings(): Promise<Settings>;
  updateSettings(change: (current: Settings) => Settings): Promise<Settings>;
  /** Must be the first thing a click handler awaits: browsers only grant permissions during a user gesture. */
  requestOrigins(origins: string[]): Promise<boolean>;
  containsOrigins(origins: string[]): Promise<boolean>;
  /** Match patterns for every organisation domain the directory knows (and the company's own). */
  organizationPatterns(): Promise<string[]>;
  /** The display mode the enterprise policy enforces, if any (the choice is then shown locked). */
  readDisplayPolicy?(): Promise<DisplayMode | undefined>;
}

export const browserPlatform: OptionsPlatform = {
  // The connection lives in the worker's trusted store (utils/config/trusted-store.ts): asked for, and saved, by message.
  readConnection: () => sendMessage('ui:get-connection', {}),
  saveConfig: (input) => sendMessage('ui:save-connection', input),
  readSettings: () => readSettings(),
  updateSettings,
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  containsOrigins: (origins) => browser.permissions.contains({ origins }),
  // The worker owns the synced data: asking it keeps this page from holding its own IndexedDB connection.
  organizationPatterns: async () => (await sendMessage('ui:organization-patterns', {})).patterns,
  readDisplayPolicy: () => readDisplayPolicy(),
};
