import { storage } from 'wxt/utils/storage';
import type { Settings } from './schema';
import { DEFAULT_SETTINGS } from './schema';

// The extension's settings storage item (the connection is in the trusted store, trusted-store.ts).
// Values are typed `unknown` on purpose: what storage holds is outside input (older versions, hand edits, sync bugs) and is parsed with
// zod by the readers in config.ts and settings.ts, never trusted as stored.

/** `local:settings` = {sites, highlightNames, lang, collapsed}; see Settings in schema.ts. */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS satisfies Settings,
  version: 1,
});

/** Keys of the enterprise policy in managed storage (read-only to the extension). */
export const MANAGED_KEYS = ['apiUrl', 'token'] as const;
