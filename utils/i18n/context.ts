import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translate, type MessageTable, type Translate, type UiLang } from './index';

export interface I18n {
  lang: UiLang;
  t: Translate;
}

/** A language and its strings; pageI18n (page.ts) and appI18n (app.ts) pick the strings. */
export function createI18n(lang: UiLang, table: MessageTable): I18n {
  return { lang, t: (key, params) => translate(table, key, params) };
}

/** The UI language for a tree of components; without a provider, keys show as themselves. */
export const I18nContext = createContext<I18n>(createI18n('en', {}));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
