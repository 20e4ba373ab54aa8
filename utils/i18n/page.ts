import type { UiLang } from './index';
import { createI18n, type I18n } from './create';
import { pageEn } from './page-en';
import { pageJa } from './page-ja';

export const pageTables = { en: pageEn, ja: pageJa };

/** Strings for the in-page UI only: what content scripts carry, keeping them small. */
export function pageI18n(lang: UiLang): I18n {
  return createI18n(lang, pageTables[lang]);
}
