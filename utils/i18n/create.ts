import { translate, type MessageTable, type Translate, type UiLang } from './index';

// Apart from context.ts (Preact's context and hook), so that a content script that draws nothing yet
// carries no Preact for its strings (issue 11, content-script size).

export interface I18n {
  lang: UiLang;
  t: Translate;
}

/** A language and its strings; pageI18n (page.ts) and appI18n (app.ts) pick the strings. */
export function createI18n(lang: UiLang, table: MessageTable): I18n {
  return { lang, t: (key, params) => translate(table, key, params) };
}
