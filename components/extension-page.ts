import { readSettings } from '../utils/config';
import { resolveLang, type UiLang } from '../utils/i18n';
import { baseCss } from './styles';

/** The UI language for the extension's own pages: the user's choice, else the browser's. */
export async function pageLanguage(): Promise<UiLang> {
  const settings = await readSettings().catch(() => null);
  return resolveLang(settings?.lang ?? 'auto', navigator.language);
}

/** Shared start of the popup and options pages: styles, the `al-root` theme and the language. */
export async function prepareExtensionPage(pageCss: string): Promise<UiLang> {
  const style = document.createElement('style');
  style.textContent = `${baseCss}\n${pageCss}\nbody{margin:0}`;
  document.head.append(style);
  document.body.classList.add('al-root');
  const lang = await pageLanguage();
  document.documentElement.lang = lang;
  return lang;
}
