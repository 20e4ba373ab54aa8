import { describe, expect, it } from 'vitest';
import type { Alumnus } from '../../utils/api';
import { buildIndex } from '../../utils/recognition';

const alumnus = (id: string, names: Alumnus['names']): Alumnus => ({
  id,
  names,
  tenure: [{ from: '2010-04', to: '2014-03' }],
  consent: { recognition: true, offers: true },
  updatedAt: '2026-10-01T00:00:00Z',
});

const index = buildIndex(
  [
    alumnus('yamada', { display: '山田 太郎', kana: 'やまだ たろう', latin: 'Taro Yamada' }),
    alumnus('sofia', { display: 'Sofia Andersson Reyes' }),
    alumnus('ann', { display: 'Ann Lee' }),
    alumnus('ito', { display: '伊藤 翔太', kana: 'いとう しょうた', latin: 'Shota Ito' }),
  ],
  [],
);

/** The names found, as the text they cover. */
const found = (text: string) => index.scanText(text).map((hit) => [text.slice(hit.start, hit.end), hit.alumnusId]);

describe('page text scanner', () => {
  it('finds Japanese names without spaces, with the space, and in kana, at their exact positions', () => {
    expect(found('本日は山田太郎が登壇しました。')).toEqual([['山田太郎', 'yamada']]);
    expect(found('講師：山田 太郎（やまだ たろう）')).toEqual([
      ['山田 太郎', 'yamada'],
      ['やまだ たろう', 'yamada'],
    ]);
    expect(found('ｲﾄｳ ｼｮｳﾀ と伊藤翔太')).toEqual([
      ['ｲﾄｳ ｼｮｳﾀ', 'ito'],
      ['伊藤翔太', 'ito'],
    ]);
  });

  it('finds Western and romaji names on word boundaries only, in either order and spelling', () => {
    expect(found('Speakers: Taro Yamada, Sofia Andersson-Reyes and Yamada Tarou.')).toEqual([
      ['Taro Yamada', 'yamada'],
      ['Sofia Andersson-Reyes', 'sofia'],
      ['Yamada Tarou', 'yamada'],
    ]);
    expect(found('Annlee Jones, Ann Leeds, Joann Lee')).toEqual([]);
    expect(found('ANN LEE')).toEqual([['ANN LEE', 'ann']]);
    expect(found('Ånn Lée spoke')).toEqual([['Ånn Lée', 'ann']]);
  });

  it('reports UTF-16 offsets that survive astral characters and markup before the name', () => {
    const text = '😀𝓐 <b>Ann Lee</b>';
    const [hit] = index.scanText(text);
    expect(text.slice(hit.start, hit.end)).toBe('Ann Lee');
  });

  it('handles empty, huge and hostile text', () => {
    expect(index.scanText('')).toEqual([]);
    expect(index.scanText(null as never)).toEqual([]);
    const big = `${'漢字とカタカナ、English words; '.repeat(40_000)}山田太郎`;
    const hits = index.scanText(big);
    expect(hits).toHaveLength(1);
    expect(big.slice(hits[0].start, hits[0].end)).toBe('山田太郎');
  });

  it('follows upserts and removals', () => {
    const live = buildIndex([alumnus('ann', { display: 'Ann Lee' })], []);
    live.upsert(alumnus('kim', { display: 'Alex Kim' }));
    expect(live.scanText('Alex Kim met Ann Lee').map((h) => h.alumnusId)).toEqual(['kim', 'ann']);
    live.remove('ann');
    expect(live.scanText('Alex Kim met Ann Lee').map((h) => h.alumnusId)).toEqual(['kim']);
  });
});
