import { describe, expect, it } from 'vitest';
import { appEn } from '../../../utils/i18n/app-en';
import { appJa } from '../../../utils/i18n/app-ja';
import { formatDate, formatMonth, resolveLang, translate } from '../../../utils/i18n';
import { appI18n } from '../../../utils/i18n/app';
import { pageEn } from '../../../utils/i18n/page-en';
import { pageJa } from '../../../utils/i18n/page-ja';
import { pageI18n } from '../../../utils/i18n/page';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['in-page UI', pageEn, pageJa],
  ['popup and options', appEn, appJa],
] as const)('UI message tables: %s', (_name, en, ja) => {
  it('translate every English key into Japanese and nothing else', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages, so no value is dropped in translation', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders((ja as Record<string, string>)[key]!), key).toEqual(placeholders(en[key]));
    }
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(ja)]) expect(text.trim(), key).not.toBe('');
  });
});

describe('language', () => {
  it('follows the browser by default and the user when they choose', () => {
    expect(resolveLang('auto', 'ja-JP')).toBe('ja');
    expect(resolveLang('auto', 'en-US')).toBe('en');
    expect(resolveLang('auto', undefined)).toBe('en');
    expect(resolveLang('en', 'ja')).toBe('en');
    expect(resolveLang('ja', 'en-GB')).toBe('ja');
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(appI18n('en').t('popup.pending', { count: 3 })).toBe('3 waiting to be sent');
    expect(appI18n('ja').t('popup.pending', { count: 3 })).toBe('送信待ち 3 件');
    expect(translate(appEn, 'popup.pending', {})).toBe('{count} waiting to be sent');
  });

  it('keeps the popup and options strings out of what content scripts carry', () => {
    expect(pageI18n('en').t('popup.pending')).toBe('popup.pending');
    expect(pageI18n('ja').t('sidebar.collapse')).toBe('Alumni Lens パネルを折りたたむ');
    expect(appI18n('ja').t('sidebar.collapse')).toBe('Alumni Lens パネルを折りたたむ');
  });

  it('writes months the way each language does', () => {
    expect(formatMonth('en', '2009-04')).toBe('Apr 2009');
    expect(formatMonth('ja', '2009-04')).toBe('2009年4月');
    expect(formatMonth('en', 'unknown')).toBe('unknown');
  });

  // The sidebar spells dates from a table (no Intl formatter on the page's main thread): it must say
  // exactly what the browser's own en-GB and ja-JP formats say, for every month.
  it('spells every month and day as Intl does for en-GB and ja-JP', () => {
    for (let month = 1; month <= 12; month++) {
      const yearMonth = `2014-${String(month).padStart(2, '0')}`;
      const day = new Date(2026, month - 1, month + 10, 15, 30);
      for (const [lang, locale] of [['en', 'en-GB'], ['ja', 'ja-JP']] as const) {
        const monthFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
        expect(formatMonth(lang, yearMonth)).toBe(monthFormat.format(Date.UTC(2014, month - 1, 1)));
        expect(formatDate(lang, day.getTime())).toBe(new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(day));
      }
    }
    expect(formatDate('en', '2026-09-05T12:00:00')).toBe('5 Sept 2026');
    expect(formatDate('ja', 'not a date')).toBe('not a date');
  });
});
