import { storage } from 'wxt/utils/storage';
import type { Settings } from './schema';
import { DEFAULT_SETTINGS, normalizeApiUrl } from './schema';

// The extension's two storage items, with their versions. Values are typed `unknown` on purpose:
// what storage holds is outside input (older versions, hand edits, sync bugs) and is parsed with
// zod by the readers in config.ts and settings.ts, never trusted as stored.

/**
 * `local:config` = {apiUrl, token}.
 * Version 1 kept the URL exactly as typed; version 2 stores it normalised (no trailing slash, no
 * `/api/v1` suffix) so the worker and the permission request agree on one origin and path.
 */
export const configItem = storage.defineItem<unknown>('local:config', {
  fallback: null,
  version: 2,
  migrations: {
    2: (old: unknown) => {
      if (old && typeof old === 'object' && 'apiUrl' in old && typeof old.apiUrl === 'string') {
        return { ...old, apiUrl: normalizeApiUrl(old.apiUrl) };
      }
      return old;
    },
  },
});

/** `local:settings` = {sites, highlightNames, lang, collapsed}; see Settings in schema.ts. */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS satisfies Settings,
  version: 1,
});

/** Keys of the enterprise policy in managed storage (read-only to the extension). */
export const MANAGED_KEYS = ['apiUrl', 'token'] as const;
