import type { UiLang } from './index';
import { createI18n, type I18n } from './create';
import { consoleEn } from './console-en';
import { consoleJa } from './console-ja';

export const consoleTables = { en: consoleEn, ja: consoleJa };

/** Strings for the programme's console (console/, served at /admin/). */
export function consoleI18n(lang: UiLang): I18n {
  return createI18n(lang, consoleTables[lang]);
}
