import { browser } from 'wxt/browser';
import { orgsitePatterns, knownOrgDomains } from '../../utils/background/orgsite';
import { readLocalConfig, readSettings, saveConfig, updateSettings, type ApiConfig, type Settings } from '../../utils/config';
import { openDatabase } from '../../utils/db';

/** What the options page does outside itself: storage, permissions, the synced organisations. */
export interface OptionsPlatform {
  readLocalConfig(): Promise<ApiConfig | null>;
  saveConfig(input: { apiUrl: string; token: string }): Promise<unknown>;
  readSettings(): Promise<Settings>;
  updateSettings(change: (current: Settings) => Settings): Promise<Settings>;
  /** Must be the first thing a click handler awaits: browsers only grant permissions during a user gesture. */
  requestOrigins(origins: string[]): Promise<boolean>;
  containsOrigins(origins: string[]): Promise<boolean>;
  /** Match patterns for every organisation domain the directory knows (and the company's own). */
  organizationPatterns(): Promise<string[]>;
}

export const browserPlatform: OptionsPlatform = {
  readLocalConfig: () => readLocalConfig(),
  saveConfig,
  readSettings: () => readSettings(),
  updateSettings,
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  containsOrigins: (origins) => browser.permissions.contains({ origins }),
  async organizationPatterns() {
    const db = await openDatabase();
    try {
      return orgsitePatterns(await knownOrgDomains(db));
    } finally {
      db.close();
    }
  },
};
