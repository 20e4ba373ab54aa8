import { describe, expect, it } from 'vitest';
import { parseDateRange, parseIsoMonth } from '../../utils/sites/dates';

// Date ranges as LinkedIn, Wantedly and Xing print them, in English, Japanese and German.

describe('parseDateRange', () => {
  it.each([
    ['Apr 2012 - Feb 2024', { from: '2012-04', to: '2024-02' }],
    ['Jul 2021 - Present · 3 yrs 1 mo', { from: '2021-07', to: null }],
    ['Jul 2021 to Present · 3 yrs 1 mo', { from: '2021-07', to: null }],
    ['Jul 2021 - Present 2 years 9 months', { from: '2021-07', to: null }],
    ['Sept 2019 – Mar 2020', { from: '2019-09', to: '2020-03' }],
    ['2017 - 2024', { from: '2017-01', to: '2024-12' }],
    ['2018 - Present', { from: '2018-01', to: null }],
    ['2012年4月～2024年2月', { from: '2012-04', to: '2024-02' }],
    ['2012年4月 - 現在', { from: '2012-04', to: null }],
    ['2021年7月～現在 · 3年 2か月', { from: '2021-07', to: null }],
    ['2011年7月 - 2012年3月 · 9か月', { from: '2011-07', to: '2012-03' }],
    ['2015年 - 2019年', { from: '2015-01', to: '2019-12' }],
    ['09/2017 – 03/2021', { from: '2017-09', to: '2021-03' }],
    ['Seit 04/2021', { from: '2021-04', to: null }],
    ['01/2019 – heute', { from: '2019-01', to: null }],
    ['Feb 2014', { from: '2014-02' }],
  ])('%s', (text, expected) => {
    expect(parseDateRange(text)).toEqual(expected);
  });

  it.each(['Valencia', 'Full-time', '5 yrs 11 mos', 'Present', '正社員', 'Spotify · Full-time', '13/2020 - 14/2021', 'Foo 2012 - Bar 2013', ''])(
    'is not a date: %s',
    (text) => {
      expect(parseDateRange(text)).toBeUndefined();
    },
  );
});

describe('parseIsoMonth', () => {
  it('reads JSON-LD months and bare years', () => {
    expect(parseIsoMonth('2021-07', false)).toBe('2021-07');
    expect(parseIsoMonth('2021-07-15', true)).toBe('2021-07');
    expect(parseIsoMonth(2019, false)).toBe('2019-01');
    expect(parseIsoMonth(2021, true)).toBe('2021-12');
    expect(parseIsoMonth('soon', false)).toBeUndefined();
  });
});
