import { describe, expect, it } from 'vitest';
import type { Alumnus } from '../../utils/api';
import { evidenceSentences } from '../../utils/i18n/evidence';
import { buildIndex, loadIndex } from '../../utils/recognition';
import { Evidence } from '../../utils/messaging/protocol';
import type { PersonSignal } from '../../utils/signals/schema';
import { allCases } from './cases';
import { SAKURA_DIGITAL, loadEvalDirectory } from './evaluate';

const signal = { name: 'Yamada Tarou', experience: [{ organization: '株式会社さくらデジタル', from: '2013-01', to: '2016-12' }] };

describe('directory index', () => {
  const { alumni, organizations } = loadEvalDirectory();

  it('round-trips through serialize/loadIndex with identical answers', () => {
    const built = buildIndex(alumni, organizations);
    const loaded = loadIndex(built.serialize());
    expect(loaded.size).toBe(built.size);
    const probes = [signal, { name: 'Sofia Andersson Reyes', profileUrl: 'https://www.linkedin.com/in/sofia-andersson-reyes' }, { name: 'Marcos Ruis', headline: 'ex-Sakura Digital' }];
    for (const probe of probes) expect(loaded.matchPerson(probe, SAKURA_DIGITAL)).toEqual(built.matchPerson(probe, SAKURA_DIGITAL));
    expect(loaded.scanText('山田太郎 and Julien Moreau')).toEqual(built.scanText('山田太郎 and Julien Moreau'));
    expect(loaded.alumniAt('org-audiense').sort()).toEqual(built.alumniAt('org-audiense').sort());
    expect(loaded.matchOrganization({ name: 'メルカリ' })).toBe('org-mercari');
  });

  it('keeps delta-sync changes across serialisation, and forgets removed alumni entirely', () => {
    const index = buildIndex(alumni, organizations);
    const newcomer: Alumnus = {
      id: 'al-new',
      names: { display: '小鳥遊 紬', kana: 'たかなし つむぎ', latin: 'Tsumugi Takanashi' },
      tenure: [{ from: '2015-04', to: '2019-03' }],
      consent: { recognition: true, offers: true },
      updatedAt: '2026-11-01T00:00:00Z',
    };
    index.upsert(newcomer);
    index.remove('al-julien');
    const text = index.serialize();
    expect(text).not.toContain('Julien Moreau');
    expect(text).not.toContain('julienmoreau');
    const loaded = loadIndex(text);
    expect(loaded.matchPerson({ name: 'Takanashi Tsumugi', headline: '元さくらデジタル' }, SAKURA_DIGITAL)).toMatchObject({ alumnusId: 'al-new', confidence: 'likely' });
    expect(loaded.matchPerson({ name: 'Julien Moreau', experience: [{ organization: 'Sakura Digital' }] }, SAKURA_DIGITAL)).toBeNull();
    expect(loaded.scanText('小鳥遊紬').map((h) => h.alumnusId)).toEqual(['al-new']);
    expect(loaded.size).toBe(index.size);
  });

  it('keeps an updated alumnus recognisable under the new name only', () => {
    const index = buildIndex(alumni, organizations);
    const ren = alumni.find((a) => a.id === 'al-hasegawa-ren')!;
    index.upsert({ ...ren, names: { display: '長谷川 蓮太', latin: 'Renta Hasegawa' } });
    const loaded = loadIndex(index.serialize());
    expect(loaded.matchPerson({ name: 'Renta Hasegawa', headline: 'ex-Sakura Digital' }, SAKURA_DIGITAL)?.alumnusId).toBe('al-hasegawa-ren');
    expect(loaded.matchPerson({ name: 'Ren Hasegawa', headline: 'ex-Sakura Digital' }, SAKURA_DIGITAL)).toBeNull();
    expect(loaded.size).toBe(index.size);
  });

  it('treats an upsert as a replacement, and withdrawn consent as a removal', () => {
    const index = buildIndex(alumni, organizations);
    const marcos = alumni.find((a) => a.id === 'al-marcos')!;
    index.upsert({ ...marcos, names: { display: 'Marcos Ruiz Vega' } });
    expect(index.matchPerson({ name: 'Marcos Ruiz Vega', experience: [{ organization: 'Sakura Digital', from: '2015-01', to: '2016-01' }] }, SAKURA_DIGITAL)?.confidence).toBe('confirmed');
    index.upsert({ ...marcos, consent: { recognition: false, offers: false } });
    expect(index.matchPerson({ name: 'Marcos Ruiz Vega', experience: [{ organization: 'Sakura Digital' }] }, SAKURA_DIGITAL)).toBeNull();
  });

  it('rejects a serialised index of another format instead of answering wrongly', () => {
    expect(() => loadIndex('{"format":"something-else"}')).toThrow(/recognition index/);
    expect(() => loadIndex('{"format":"something-else","sections":[]}\n')).toThrow(/format/);
    expect(() => loadIndex('not json')).toThrow();
  });

  it('explains every match as facts that the UI words in English and Japanese', () => {
    const index = buildIndex(alumni, organizations);
    const match = index.matchPerson(signal, SAKURA_DIGITAL)!;
    expect(match).toMatchObject({ alumnusId: 'al-yamada-taro', confidence: 'confirmed' });
    expect(match.evidence).toContainEqual({
      kind: 'experience-overlap',
      values: { organization: '株式会社さくらデジタル', from: '2013-01', to: '2016-12', tenure: [{ from: '2012-04', to: '2018-03' }] },
    });
    const en = evidenceSentences(match.evidence, 'en');
    expect(en.join(' ')).toContain('(Jan 2013 – Dec 2016), overlapping the tenure on file (Apr 2012 – Mar 2018)');
    const ja = evidenceSentences(match.evidence, 'ja');
    expect(ja.join(' ')).toContain('（2013年1月 〜 2016年12月）があり、名簿の在籍期間（2012年4月 〜 2018年3月）と重なります');
    for (const sentence of [...en, ...ja]) expect(sentence).not.toMatch(/\{\w+\}|evidence\./);
  });

  it('returns only evidence the message protocol accepts, whatever the page said (every labelled case, hostile ones included)', () => {
    const index = buildIndex(alumni, organizations);
    const cases = allCases(alumni);
    let checked = 0;
    for (const testCase of cases) {
      const signal = testCase.signal as PersonSignal;
      const page = { site: 'linkedin', pageKind: 'company-people' as const, people: [signal], organizations: [{ name: 'Audiense' }] };
      for (const result of [index.matchPerson(signal, SAKURA_DIGITAL), ...index.matchPage(page, SAKURA_DIGITAL)])
        for (const evidence of result?.evidence ?? []) {
          expect(Evidence.safeParse(evidence).success, `${testCase.id}: ${JSON.stringify(evidence)}`).toBe(true);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('states a contradiction and lowers the confidence', () => {
    const index = buildIndex(alumni, organizations);
    const match = index.matchPerson({ name: 'Julien Moreau', experience: [{ organization: 'Sakura Digital', from: '2001-01', to: '2003-12' }] }, SAKURA_DIGITAL)!;
    expect(match.confidence).toBe('possible');
    expect(match.evidence.map((e) => e.kind)).toContain('experience-conflict');
  });
});
