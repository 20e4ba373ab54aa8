import type { UiLang } from './index';
import { createI18n, type I18n } from './create';
import { appEn } from './app-en';
import { appJa } from './app-ja';
import { pageTables } from './page';

export const appTables = { en: appEn, ja: appJa };

/** Strings for the popup and options pages, which also show in-page components (offers, statuses). */
export function appI18n(lang: UiLang): I18n {
  return createI18n(lang, { ...pageTables[lang], ...appTables[lang] });
}
