import type { LangSetting, UiLang } from '../../utils/i18n';
import { resolveLang } from '../../utils/i18n';

// Language and theme are display choices, kept in localStorage (nothing about the session is stored there).
export type ThemeSetting = 'auto' | 'light' | 'dark';

const read = (key: string) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const write = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
};

export function loadLangSetting(): LangSetting {
  const value = read('alumni-lens.console.lang');
  return value === 'en' || value === 'ja' ? value : 'auto';
}

export function saveLangSetting(value: LangSetting): void {
  write('alumni-lens.console.lang', value);
}

export function effectiveLang(setting: LangSetting): UiLang {
  return resolveLang(setting, navigator.language);
}

export function loadTheme(): ThemeSetting {
  const value = read('alumni-lens.console.theme');
  return value === 'light' || value === 'dark' ? value : 'auto';
}

export function saveTheme(value: ThemeSetting): void {
  write('alumni-lens.console.theme', value);
}

/** The theme as the page's data-theme attribute: CSS follows prefers-color-scheme unless one is chosen. */
export function applyTheme(value: ThemeSetting, root: HTMLElement = document.documentElement): void {
  if (value === 'auto') delete root.dataset.theme;
  else root.dataset.theme = value;
}
