import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createI18n, type I18n } from './create';

export type { I18n } from './create';

/** The UI language for a tree of components; without a provider, keys show as themselves. */
export const I18nContext = createContext<I18n>(createI18n('en', {}));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
