// Configuration and settings: WXT storage items parsed with zod on every read, plus the
// enterprise policy from managed storage, which wins over the user's own configuration.
export * from './schema';
export { settingsItem, MANAGED_KEYS } from './items';
export { legacyConfigItem, moveLegacyConfig, restrictStorageAccess } from './legacy-config';
export { readManagedPolicy } from './managed';
export { buildDefaultConfig, CONNECTION_KEY, readConfig, readConnectionFields, readLocalConfig, saveConfig, watchConfig, originPattern, ConfigLockedError } from './config';
export { readSettings, updateSettings, isSiteEnabled } from './settings';
export { readDisplay, readDisplayPolicy, watchDisplay, DISPLAY_POLICY_KEY, type DisplayState } from './display';
