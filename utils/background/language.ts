import { readSettings } from '../config';
import { resolveLang, type UiLang } from '../i18n';
import { uiLanguage } from './ui-language';

/** The language the user reads the extension in: their choice, else the browser's. */
export async function workerLanguage(): Promise<UiLang> {
  const settings = await readSettings().catch(() => null);
  return resolveLang(settings?.lang ?? 'auto', uiLanguage());
}
