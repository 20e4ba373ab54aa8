import { describe, expect, it } from 'vitest';
import { nameKeys, parseName } from '../../utils/recognition';
import { canonicalRomaji } from '../../utils/recognition/romaji';

const keysOf = (name: string) => new Set(parseName(name).flatMap((form) => nameKeys(form).map((k) => k.key)));
const sameName = (a: string, b: string) => [...keysOf(a)].some((key) => keysOf(b).has(key));

describe('name normalisation', () => {
  it('folds case, accents, width and both orders', () => {
    expect(sameName('Taro Yamada', 'YAMADA taro')).toBe(true);
    expect(sameName('Ｔａｒｏ　Ｙａｍａｄａ', 'taro yamada')).toBe(true);
    expect(sameName('Søren Østergaard', 'Soren Ostergaard')).toBe(true);
    expect(sameName('Jean-Baptiste Lefèvre', 'Jean Baptiste Lefevre')).toBe(true);
  });

  it('reads kana as romaji with the Hepburn and Kunrei variants', () => {
    expect(sameName('やまだ たろう', 'Taro Yamada')).toBe(true);
    expect(sameName('ヤマダ タロウ', 'Tarou Yamada')).toBe(true);
    expect(sameName('ｲﾄｳ ｼｮｳﾀ', 'Shota Itoh')).toBe(true);
    expect(sameName('Syunsuke Simizu', 'Shunsuke Shimizu')).toBe(true);
    expect(sameName('Tuyosi Tiba', 'Tsuyoshi Chiba')).toBe(true);
    expect(sameName('Zyuri Huzita', 'Juri Fujita')).toBe(true);
    expect(sameName('Ryōsuke Ōno', 'Ryousuke Oono')).toBe(true);
    expect(sameName('Ryosuke Ohno', 'Ryosuke Ono')).toBe(true);
    expect(sameName('Jumpei Homma', 'Junpei Honma')).toBe(true);
  });

  it('does not bend Western names into romaji', () => {
    expect(canonicalRomaji('john')).toBe('john');
    expect(canonicalRomaji('smith')).toBe('smith');
    expect(sameName('John Smith', 'Jon Smith')).toBe(false);
  });

  it('does not fold a Korean "oo" before a closing n as a Japanese long vowel: Joon is not Jon', () => {
    expect(sameName('Joon Park', 'Jon Park')).toBe(false);
    expect(sameName('Park Joon', 'Jon Park')).toBe(false);
    expect(sameName('Hoon Lee', 'Hon Lee')).toBe(false);
    expect(sameName('Soon Kim', 'Son Kim')).toBe(false);
    expect(sameName('Joon Park', 'JOON PARK')).toBe(true);
    // The Japanese long o before a syllable stays folded: Ōno, Oonishi, Ōnuki.
    expect(sameName('OONO Ryousuke', 'Ōno Ryōsuke')).toBe(true);
    expect(sameName('Kenta Oonishi', 'Kenta Ōnishi')).toBe(true);
    expect(sameName('Kenta Oonishi', 'Kenta Onishi')).toBe(true);
    expect(sameName('Daisuke Katou', 'Daisuke Katō')).toBe(true);
    expect(sameName('Yuuko Fujita', 'Yūko Fujita')).toBe(true);
  });

  it('keys a Western name that reads as Japanese syllables the same way everywhere, so it matches only itself', () => {
    expect(canonicalRomaji('jamie')).toBe('zyamie');
    expect(sameName('Jamie Smith', 'JAMIE SMITH')).toBe(true);
    expect(sameName('Jamie Smith', 'Jaime Smith')).toBe(false);
    expect(sameName('Jamie Smith', 'Jami Smith')).toBe(false);
    expect(sameName('Mario Rossi', 'Maria Rossi')).toBe(false);
  });

  it('matches kanji written without the space the directory uses, and variant kanji', () => {
    expect(sameName('山田太郎', '山田 太郎')).toBe(true);
    expect(sameName('高橋一郎', '髙橋 一郎')).toBe(true);
    expect(sameName('渡辺 美咲', '渡邊 美咲')).toBe(true);
    expect(sameName('山田太郎', '山田次郎')).toBe(false);
  });

  it('removes honorifics, titles, credentials, pronouns and emoji', () => {
    for (const decorated of ['Dr. Taro Yamada, PhD', 'Mr. Taro Yamada MBA', 'Taro Yamada (he/him)', 'Taro Yamada 🚀✨', 'Yamada-san Taro'.replace('-san', '')])
      expect(sameName(decorated, 'Taro Yamada')).toBe(true);
    for (const decorated of ['山田 太郎様', '山田太郎さん', '山田 太郎 博士', '山田太郎氏']) expect(sameName(decorated, '山田 太郎')).toBe(true);
    expect(parseName('Jack Ma').map((f) => f.tokens)).toEqual([['jack', 'ma']]);
  });

  it('splits parenthesised and slash-separated alternates into their own names', () => {
    expect(parseName('Taro Yamada (山田 太郎)').map((f) => f.tokens.join(' '))).toEqual(['taro yamada', '山田 太郎']);
    expect(parseName('山田太郎 / Taro Yamada').map((f) => f.tokens.join(' '))).toEqual(['山田太郎', 'taro yamada']);
    expect(sameName('Hanako Tanaka (Suzuki)', 'Hanako Suzuki')).toBe(true);
  });

  it('keeps a middle name optional', () => {
    const partial = parseName('Sofia Andersson Reyes').flatMap(nameKeys).filter((k) => k.kind === 'partial').map((k) => k.key);
    expect(partial).toContain('sofiareyes');
  });

  it('survives hostile input without throwing', () => {
    for (const hostile of ['x'.repeat(10_000), '\u0000\u0007\u202e', '<script>alert(1)</script>', '((((((', '', '𓀀', null, 42, {}]) {
      expect(() => parseName(hostile)).not.toThrow();
    }
    expect(parseName('<b>Taro</b> Yamada').map((f) => f.tokens)).toEqual([['taro', 'yamada']]);
    expect(parseName('x'.repeat(10_000)).every((f) => f.tokens.join('').length <= 300)).toBe(true);
  });
});
