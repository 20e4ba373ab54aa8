import { describe, expect, it } from 'vitest';
import { appEn } from '../../../utils/i18n/app-en';
import { appJa } from '../../../utils/i18n/app-ja';
import { formatDate, formatMonth, resolveLang, translate } from '../../../utils/i18n';
import { appI18n } from '../../../utils/i18n/app';
import { pageEn } from '../../../utils/i18n/page-en';
import { pageJa } from '../../../utils/i18n/page-ja';
import { pageI18n } from '../../../utils/i18n/page';
import { evidenceSentences } from '../../../utils/i18n/evidence';
import { Evidence } from '../../../utils/messaging/protocol';

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

describe('evidence sentences', () => {
  // One example of every kind the engine can return, with the values it carries.
  const name = { pageName: 'Laxmi Kant', directoryName: 'Laxmi Kant Tiwari', alumnus: 'Laxmi Kant Tiwari' };
  const dated = { organization: 'Sakura Digital', from: '2014-04', to: null, tenure: [{ from: '2014-04', to: '2019-03' }, { from: '2021-01', to: '2022-06' }] };
  const examples: Evidence[] = [
    { kind: 'profile-url', values: { url: 'https://www.linkedin.com/in/laxmi-kant-tiwari', alumnus: 'Laxmi Kant Tiwari' } },
    { kind: 'profile-url-differs', values: { site: 'linkedin.com', alumnus: 'Laxmi Kant Tiwari' } },
    { kind: 'name-exact', values: name },
    { kind: 'name-former', values: name },
    { kind: 'name-partial', values: name },
    { kind: 'name-nickname', values: name },
    { kind: 'name-typo', values: name },
    { kind: 'experience-overlap', values: dated },
    { kind: 'experience-conflict', values: { ...dated, to: '2016-01' } },
    { kind: 'experience-undated', values: { organization: 'Sakura Digital' } },
    { kind: 'headline-mention', values: { organization: 'Sakura Digital', excerpt: 'ex-Sakura Digital' } },
    { kind: 'current-employer', values: { organization: 'Audiense' } },
    { kind: 'listed-at-employer', values: { organization: 'American Express', page: 'people-tab' } },
    { kind: 'listed-at-employer', values: { organization: 'American Express', page: 'employees-list' } },
    { kind: 'listed-at-employer', values: { organization: 'American Express', page: 'website' } },
    { kind: 'listed-elsewhere', values: { organization: 'American Express', page: 'people-tab', employer: 'Spotify' } },
    { kind: 'listed-elsewhere', values: { organization: 'American Express', page: 'people-tab', employer: '' } },
    { kind: 'name-shared', values: { count: 2 } },
    { kind: 'name-fits-several', values: { pageName: 'Laxmi Kant', count: 2 } },
    { kind: 'name-common', values: { pageName: 'Taro Yamada' } },
    { kind: 'name-only', values: { company: 'Sakura Digital' } },
    { kind: 'page-namesakes', values: { alumnus: 'Marcos Ruiz', count: 2 } },
  ];

  it('word every kind of evidence in both languages, every value filled in', () => {
    const kinds = new Set(examples.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(Evidence.def.options.map((option) => option.shape.kind.def.values[0]).sort());
    for (const lang of ['en', 'ja'] as const) {
      for (const sentence of evidenceSentences(examples, lang)) {
        expect(sentence, lang).not.toMatch(/\{\w+\}|evidence\./);
        expect(sentence.length, lang).toBeGreaterThan(10);
      }
    }
  });

  it("say where the page listed the person, with the page's organisation, and spell months per language", () => {
    const [people, employees, website, elsewhere, unknown] = evidenceSentences(examples.slice(12, 17), 'en');
    expect(people).toBe('Listed on American Express’s People page; American Express is the current employer on file.');
    expect(employees).toBe('Listed among the employees on American Express’s company page; American Express is the current employer on file.');
    expect(website).toBe('Named on American Express’s own website; American Express is the current employer on file.');
    expect(elsewhere).toBe('Listed on American Express’s People page, but the current employer on file is Spotify.');
    expect(unknown).toBe('Listed on American Express’s People page; the directory has no current employer on file.');
    expect(evidenceSentences(examples.slice(12, 13), 'ja')[0]).toBe('American Expressの「社員」ページに掲載されています。名簿の現在の勤務先もAmerican Expressです。');
    expect(evidenceSentences([examples[7]!], 'en')[0]).toBe(
      'Lists Sakura Digital (Apr 2014 – present), overlapping the tenure on file (Apr 2014 – Mar 2019, Jan 2021 – Jun 2022).',
    );
    expect(evidenceSentences([examples[7]!], 'ja')[0]).toBe(
      '経歴にSakura Digital（2014年4月 〜 現在）があり、名簿の在籍期間（2014年4月 〜 2019年3月、2021年1月 〜 2022年6月）と重なります。',
    );
  });
});
