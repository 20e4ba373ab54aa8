import { browser } from 'wxt/browser';
import { type DisplayState, type Settings, watchConfig } from '../config';

/** What page:get-settings reads from storage: the user's settings, the display mode in effect, and whether a connection is set. */
export interface StoredPageSettings {
  settings: Settings;
  display: DisplayState;
  configured: boolean;
}

export interface StoredPageSettingsSource {
  /** The stored settings, read once and then answered from memory until something they come from changes. */
  get(): Promise<StoredPageSettings>;
  /** Forget the answer kept: the worker's own writes call it, not trusting storage's event to arrive before the next ask. */
  forget(): void;
  /** Stops listening (a stopped worker). */
  dispose(): void;
}

/**
 * Every tab of a supported site asks for its settings as it loads (issue 11: document idle → sidebar), and reading
 * them crosses to the browser's storage five times (the settings twice, the managed policy twice, the connection).
 * The worker reads them once and keeps the answer until anything they come from may have changed — any change in
 * local or managed storage (the user's settings from the options page, an enterprise policy, a connection from
 * before the trusted store) or a connection saved — so the next page sees a change at once. Session storage, which
 * changes on every page (which tabs listen, what each recognised), holds none of them and does not count.
 */
export function createStoredPageSettings(read: () => Promise<StoredPageSettings>): StoredPageSettingsSource {
  let kept: Promise<StoredPageSettings> | null = null;
  const forget = () => {
    kept = null;
  };
  const onStorageChanged = (_changes: unknown, area: string) => {
    if (area !== 'session') forget();
  };
  browser.storage.onChanged.addListener(onStorageChanged);
  const unwatchConfig = watchConfig(forget);
  return {
    get() {
      if (kept) return kept;
      const reading = read();
      kept = reading;
      // A failed read is not kept: the next ask tries again.
      reading.catch(() => {
        if (kept === reading) forget();
      });
      return reading;
    },
    forget,
    dispose() {
      browser.storage.onChanged.removeListener(onStorageChanged);
      unwatchConfig();
    },
  };
}
