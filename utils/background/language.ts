import { browser } from 'wxt/browser';
import { readSettings } from '../config';
import type { UiLang } from '../i18n';

/** The browser's UI language as the worker sees it. */
export function browserLanguage(): UiLang {
  let language = globalThis.navigator?.language ?? 'en';
  try {
    language = browser.i18n.getUILanguage();
  } catch {
    // Not every runtime offers i18n to the worker; the navigator's language is the same setting.
  }
  return language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The language the user reads the extension in: their choice, else the browser's. */
export async function workerLanguage(): Promise<UiLang> {
  const settings = await readSettings().catch(() => null);
  return settings && settings.lang !== 'auto' ? settings.lang : browserLanguage();
}
