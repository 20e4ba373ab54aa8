import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../utils/recognition';
import { SAKURA_DIGITAL } from './evaluate';
import { alumnus } from './support/alumni';

// Issue 15, fault 2: names that share given and middle names but differ in surname are different
// names; "shares this name" means the same full name (in any script or order); an exact full-name
// match is not diluted by a partial one.

const tiwari = alumnus('al-lk-tiwari', { display: 'Laxmi Kant Tiwari', latin: 'Laxmi Kant Tiwari' }, { currentEmployer: { name: 'Infosys' } });
const mishra = alumnus('al-lk-mishra', { display: 'Laxmi Kant Mishra', latin: 'Laxmi Kant Mishra' }, { currentEmployer: { name: 'HCL' } });
// A kanji HR name whose latin spelling carries a middle initial, and a latin decoy with a full middle name.
const sato = alumnus('al-sato-kenji', { display: '佐藤 健二', kana: 'さとう けんじ', latin: 'Kenji T. Sato' });
const satoDecoy = alumnus('al-kenji-takeshi-sato', { display: 'Kenji Takeshi Sato', latin: 'Kenji Takeshi Sato' });
const satoTaro = alumnus('al-kenji-taro-sato', { display: '佐藤 健二 太郎', latin: 'Kenji Taro Sato' });
// The same full name in different scripts: one record in kanji and kana only, one in latin only.
const yamadaKanji = alumnus('al-yamada-kanji', { display: '山田 太郎', kana: 'やまだ たろう' });
const yamadaLatin = alumnus('al-yamada-latin', { display: 'Taro Yamada' });

const kinds = (result: { evidence: Array<{ kind: string }> } | null) => result?.evidence.map((e) => e.kind) ?? [];

describe('middle names', () => {
  const index = buildIndex([tiwari, mishra, sato, satoDecoy, satoTaro, yamadaKanji, yamadaLatin], []);

  it('keeps an exact three-part match likely with an "ex-" headline, and says no one shares the name', () => {
    const result = index.matchPerson({ name: 'Laxmi Kant Tiwari', headline: 'Senior Engineer at Infosys | ex-Sakura Digital' }, SAKURA_DIGITAL);
    expect(result).toMatchObject({ alumnusId: 'al-lk-tiwari', confidence: 'likely' });
    expect(kinds(result)).toEqual(['name-exact', 'headline-mention']);
  });

  it('says "possible, only the name" for the exact name alone, not that two alumni share it', () => {
    const result = index.matchPerson({ name: 'Laxmi Kant Tiwari' }, SAKURA_DIGITAL);
    expect(result).toMatchObject({ alumnusId: 'al-lk-tiwari', confidence: 'possible' });
    expect(kinds(result)).toEqual(['name-exact', 'name-only']);
  });

  it('never takes Laxmi Kant Tiwari for Laxmi Kant Mishra: the surnames differ', () => {
    const onlyMishra = buildIndex([mishra], []);
    expect(onlyMishra.matchPerson({ name: 'Laxmi Kant Tiwari', headline: 'ex-Sakura Digital' }, SAKURA_DIGITAL)).toBeNull();
    expect(onlyMishra.matchPerson({ name: 'Tiwari Laxmi Kant', headline: 'ex-Sakura Digital' }, SAKURA_DIGITAL)).toBeNull();
  });

  it('says a shortened name fits several alumni, rather than that they share it', () => {
    const result = index.matchPerson({ name: 'Laxmi Kant' }, SAKURA_DIGITAL);
    expect(result?.confidence).toBe('possible');
    expect(['al-lk-tiwari', 'al-lk-mishra']).toContain(result?.alumnusId);
    expect(result?.evidence).toContainEqual({ kind: 'name-fits-several', values: { pageName: 'Laxmi Kant', count: 2 } });
    expect(kinds(result)).not.toContain('name-shared');
  });

  it('matches a kanji name with a latin name carrying a middle initial, not diluted by a decoy with a full middle name', () => {
    const both = index.matchPerson({ name: '佐藤 健二 (Kenji T. Sato)', headline: 'プロダクトマネージャー｜元さくらデジタル' }, SAKURA_DIGITAL);
    expect(both).toMatchObject({ alumnusId: 'al-sato-kenji', confidence: 'likely' });
    expect(kinds(both)).not.toContain('name-shared');
    const latin = index.matchPerson({ name: 'Kenji Sato', headline: 'ex-Sakura Digital' }, SAKURA_DIGITAL);
    expect(latin).toMatchObject({ alumnusId: 'al-sato-kenji', confidence: 'likely' });
    const kanji = index.matchPerson({ name: '佐藤健二', headline: '元さくらデジタル' }, SAKURA_DIGITAL);
    expect(kanji).toMatchObject({ alumnusId: 'al-sato-kenji', confidence: 'likely' });
  });

  it('keeps a full middle name an exact match of its own, not diluted by the same name with an initial or another middle name', () => {
    const decoy = index.matchPerson({ name: 'Kenji Takeshi Sato', headline: 'ex-Sakura Digital' }, SAKURA_DIGITAL);
    expect(decoy).toMatchObject({ alumnusId: 'al-kenji-takeshi-sato', confidence: 'likely' });
    expect(kinds(decoy)).toEqual(['name-exact', 'headline-mention']);
  });

  it('does not take a three-part latin name for another with the same given and middle names', () => {
    const other = buildIndex([satoTaro], []);
    expect(other.matchPerson({ name: 'Kenji Taro Suzuki', headline: '元さくらデジタル' }, SAKURA_DIGITAL)).toBeNull();
    expect(other.matchPerson({ name: 'Kenji Taro Sato', headline: '元さくらデジタル' }, SAKURA_DIGITAL)).toMatchObject({ alumnusId: 'al-kenji-taro-sato', confidence: 'likely' });
  });

  it('counts alumni with the same full name in another script or order as sharing it', () => {
    const result = index.matchPerson({ name: 'Yamada Taro', headline: 'ex-Sakura Digital' }, SAKURA_DIGITAL);
    expect(result?.confidence).toBe('possible');
    expect(['al-yamada-kanji', 'al-yamada-latin']).toContain(result?.alumnusId);
    expect(result?.evidence).toContainEqual({ kind: 'name-shared', values: { count: 2 } });
  });
});
