import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translator, type Translate, type UiLang } from './index';

export interface I18n {
  lang: UiLang;
  t: Translate;
}

export function createI18n(lang: UiLang): I18n {
  return { lang, t: translator(lang) };
}

/** The UI language for a tree of components; tests render with either language. */
export const I18nContext = createContext<I18n>(createI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
