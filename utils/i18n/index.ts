import type { LangSetting } from '../config/schema';
import type { AppKey } from './app-en';
import type { ConsoleKey } from './console-en';
import type { PageKey } from './page-en';

export type { AppKey, ConsoleKey, LangSetting, PageKey };
/** Every UI string's key: the in-page table's, the extension pages' table's and the console's. */
export type MessageKey = PageKey | AppKey | ConsoleKey;
export type UiLang = 'en' | 'ja';
export type Params = Record<string, string | number>;
/** One language's strings; content scripts carry only the in-page part (see page.ts and app.ts). */
export type MessageTable = Partial<Record<MessageKey, string>>;

/** The UI language: the user's choice, else the browser's language (Japanese for any ja-* locale). */
export function resolveLang(setting: LangSetting, browserLanguage: string | undefined): UiLang {
  if (setting !== 'auto') return setting;
  return browserLanguage?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/**
 * One UI string with its {placeholders} filled. An unknown placeholder is left visible rather than
 * dropped, and a key missing from the table shows as itself, so a gap is seen, not silently blank.
 */
export function translate(table: MessageTable, key: MessageKey, params?: Params): string {
  const template = table[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey, params?: Params) => string;

// Months and days are spelled from a table rather than with Intl.DateTimeFormat: the first formatter a
// page builds costs 30–60 ms (the locale data is loaded), and the sidebar's first card would pay it on
// the page's main thread. The table spells what Intl does for en-GB and ja-JP (tests compare them).
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

function spellMonth(lang: UiLang, year: number, month: number): string {
  return lang === 'ja' ? `${year}年${month}月` : `${EN_MONTHS[month - 1]} ${year}`;
}

/** "2009-04" → "Apr 2009" / "2009年4月". */
export function formatMonth(lang: UiLang, yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  if (!year || !month || month > 12) return yearMonth;
  return spellMonth(lang, year, month);
}

/** A day or an instant, in the UI language (the local calendar day): "5 Sept 2026" / "2026/09/05". */
export function formatDate(lang: UiLang, value: string | number): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const [year, month, day] = [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  if (lang === 'ja') return `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
  return `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** A meeting time, in local time, without Intl (see above): "12 Jan 2027, 10:00" / "2027/01/12 10:00". */
export function formatMeetingTime(lang: UiLang, value: string | number): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const clock = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return lang === 'ja' ? `${formatDate(lang, value)} ${clock}` : `${formatDate(lang, value)}, ${clock}`;
}

export function formatDateTime(lang: UiLang, value: number): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(value);
}
