import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { ApiConfig, normalizeApiUrl } from './schema';
import { readTrusted, writeTrusted } from './trusted-store';

/**
 * `local:config` = {apiUrl, token} in storage.local, where releases before the trusted store kept the
 * connection. Read once, to move an existing install's connection; never written again.
 * Version 1 kept the URL exactly as typed; version 2 stores it normalised (no trailing slash, no `/api/v1`).
 */
export const legacyConfigItem = storage.defineItem<unknown>('local:config', {
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

let moved: Promise<unknown> | null = null;
let movedFor: IDBFactory | null = null;

/**
 * Moves an existing install's connection from storage.local into the trusted store, once: after that the
 * trusted store says so and storage.local is never read again, so a content script writing `config` there
 * can never become the worker's backend. The value moved is what the earlier release itself used.
 */
export function moveLegacyConfig(): Promise<unknown> {
  if (!moved || movedFor !== globalThis.indexedDB) {
    movedFor = globalThis.indexedDB;
    moved = (async () => {
      if ((await readTrusted('legacy-migrated')) === true) return undefined;
      const legacy = await legacyConfigItem.getValue();
      if (legacy !== null && legacy !== undefined && (await readTrusted('connection')) === undefined) {
        // Normalised as version 2 would have it; an unreadable value moves as it is, to be reported and removed.
        const parsed = ApiConfig.safeParse(legacy);
        await writeTrusted('connection', parsed.success ? parsed.data : legacy);
      }
      await writeTrusted('legacy-migrated', true);
      await legacyConfigItem.removeValue({ removeMeta: true });
      return legacy;
    })().catch((error: unknown) => {
      moved = null;
      throw error;
    });
  }
  return moved;
}

/**
 * Chromium (from 102 for session, later for local) lets the worker restrict a storage area to trusted
 * contexts: content scripts then cannot read or write storage.local at all (the settings included).
 * Firefox has no such switch (bug 1724754); there the connection being in the trusted store is what counts.
 */
export async function restrictStorageAccess(): Promise<boolean> {
  const local = browser.storage?.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> } | undefined;
  if (typeof local?.setAccessLevel !== 'function') return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}
