import { browser } from 'wxt/browser';

/** The browser's UI language, for the "auto" language setting (the worker has no document to ask). */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    // Not every runtime offers i18n to the worker; the navigator's language is the same setting.
    return globalThis.navigator?.language ?? 'en';
  }
}
