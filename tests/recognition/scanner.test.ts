import { describe, expect, it } from 'vitest';
import type { Alumnus } from '../../utils/api';
import { MAX_SPANS_PER_NAME, NameInText } from '../../utils/messaging/protocol';
import { namesInText } from '../../utils/background/names-in-text';
import { buildIndex } from '../../utils/recognition';
import { readPageNames } from '../../utils/content/name-highlights';
import { orgWebsiteText } from '../../utils/sites/org-website';
import { rangesFor } from '../../utils/sites/visible-text';

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
    alumnus('isabel', { display: 'Isabel García', latin: 'Isabel Garcia' }),
    // Stored decomposed (NFD), as some exports write it.
    alumnus('zoe', { display: 'Zoe\u0308 Ba\u0301n' }),
    alumnus('jurgen', { display: 'Jürgen Strauß' }),
    alumnus('yoshida', { display: '𠮷田 花子' }),
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

  it('reads a kanji outside the BMP (𠮷, a surrogate pair) as its common variant, spanning both code units', () => {
    expect(found('😀担当：𠮷田花子、吉田 花子、𠮷田 花子さん')).toEqual([
      ['𠮷田花子', 'yoshida'],
      ['吉田 花子', 'yoshida'],
      ['𠮷田 花子', 'yoshida'],
    ]);
    // Emoji and other astral characters still break a name.
    expect(found('𠮷😀田花子')).toEqual([]);
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

  it("groups a page's names by who and how they are written for the worker's page:match, with a bounded list of places", () => {
    const text = `${'山田太郎、'.repeat(MAX_SPANS_PER_NAME + 5)}Taro Yamada と 山田 太郎`;
    const written = namesInText(index, text);
    expect(written.map(({ name, alumnusId, spans }) => [name, alumnusId, spans.length])).toEqual([
      ['山田太郎', 'yamada', MAX_SPANS_PER_NAME],
      ['Taro Yamada', 'yamada', 1],
      ['山田 太郎', 'yamada', 1],
    ]);
    expect(written[0]!.spans.slice(0, 2)).toEqual([{ start: 0, end: 4 }, { start: 5, end: 9 }]);
    // What the worker answers stays within what the content script accepts.
    for (const { spans } of written) expect(NameInText.shape.spans.safeParse(spans).success).toBe(true);
  });

  it('follows upserts and removals', () => {
    const live = buildIndex([alumnus('ann', { display: 'Ann Lee' })], []);
    live.upsert(alumnus('kim', { display: 'Alex Kim' }));
    expect(live.scanText('Alex Kim met Ann Lee').map((h) => h.alumnusId)).toEqual(['kim', 'ann']);
    live.remove('ann');
    expect(live.scanText('Alex Kim met Ann Lee').map((h) => h.alumnusId)).toEqual(['kim']);
  });

  describe('names with accents', () => {
    const NFC = 'Isabel García';
    const NFD = NFC.normalize('NFD');
    /** Characters whose NFKC/NFD form has another length than they do. */
    const SHIFTING = 'Ｆｕｌｌ ｗｉｄｔｈ, ﬁne oﬃce, Straße, Ⅻ ㈱ ｶﾞ e\u0301 😀 👩‍💻 🇯🇵 𝓐 — ';

    it('finds a name whether the page writes its accents composed (NFC) or decomposed (NFD), covering exactly those characters', () => {
      expect(NFD.length).toBe(NFC.length + 1);
      expect(found(`Partner: ${NFC}`)).toEqual([[NFC, 'isabel']]);
      expect(found(`Partner: ${NFD}`)).toEqual([[NFD, 'isabel']]);
      expect(found('Isabel Garcia')).toEqual([['Isabel Garcia', 'isabel']]);
      expect(found('ISABEL GARCÍA')).toEqual([['ISABEL GARCÍA', 'isabel']]);
      expect(found('Ｉｓａｂｅｌ　Ｇａｒｃíａ')).toEqual([['Ｉｓａｂｅｌ　Ｇａｒｃíａ', 'isabel']]);
      // A directory name stored decomposed meets the page in either form.
      expect(found('Zoë Bán')).toEqual([['Zoë Bán', 'zoe']]);
      expect(found('Zoe\u0308 Ba\u0301n')).toEqual([['Zoe\u0308 Ba\u0301n', 'zoe']]);
      expect(found('Jürgen Strauss und Ju\u0308rgen Strauß')).toEqual([
        ['Jürgen Strauss', 'jurgen'],
        ['Ju\u0308rgen Strauß', 'jurgen'],
      ]);
    });

    it('points at the original characters when the text before the name changes length under normalisation', () => {
      for (const name of [NFC, NFD]) {
        const text = `${SHIFTING}${name} ${SHIFTING}`;
        expect(index.scanText(text)).toEqual([{ start: SHIFTING.length, end: SHIFTING.length + name.length, alumnusId: 'isabel' }]);
      }
      const japanese = `${SHIFTING}山田太郎と${NFD}`;
      expect(found(japanese)).toEqual([
        ['山田太郎', 'yamada'],
        [NFD, 'isabel'],
      ]);
    });

    it('ends a name at punctuation and Japanese text, never inside a longer word', () => {
      expect(found(`「${NFC}」、(${NFD}), ${NFC}.`)).toEqual([
        [NFC, 'isabel'],
        [NFD, 'isabel'],
        [NFC, 'isabel'],
      ]);
      expect(found(`${NFC}さんが登壇（${NFD}）。担当：${NFC}・山田太郎`)).toEqual([
        [NFC, 'isabel'],
        [NFD, 'isabel'],
        [NFC, 'isabel'],
        ['山田太郎', 'yamada'],
      ]);
      expect(found(`${NFC}'s team and ${NFD}’s talk`)).toEqual([
        [NFC, 'isabel'],
        [NFD, 'isabel'],
      ]);
      expect(found('Isabel GarcíaPartner, Isabel Garcías, XIsabel García, Isabel Garcíab\u0301')).toEqual([]);
      // A possessive closes a name: it does not run on into the next word.
      expect(found("Ann's Lee")).toEqual([]);
    });

    it('through the worker and back: spans into the exact text the content script sent map back to ranges over the name', () => {
      document.body.innerHTML = `<style>.member strong { display: block }</style><p>${SHIFTING}</p>
        <div class="member"><strong>Isabel Gar<em>cí</em>a</strong><span class="meta">Partner Success Manager</span></div>
        <div class="member"><strong>${NFD}</strong><span>${NFC}’s team · 山田太郎さん</span></div>`;
      const page = readPageNames(document)!;
      expect(page.text).toBe(orgWebsiteText(document).text);
      // The worker's side: one group per person and spelling, each matched like a person listed on the page.
      const written = namesInText(index, page.text);
      expect(written.map((name) => name.name)).toEqual([NFC, NFD, '山田太郎']);
      const named: NameInText[] = written.map(({ name, spans }, i) => {
        const result = index.matchPerson({ name }, { name: 'Sakura Digital', aliases: [] });
        expect(result).not.toBeNull();
        const match = { ref: i + 5, alumnus: alumnus(result!.alumnusId, { display: '' }), confidence: result!.confidence, evidence: result!.evidence, offers: [] };
        return { match, spans };
      });
      const highlighted = page.highlights(named).map(({ match, ranges }) => [match.alumnus.id, ranges.map((range) => range.toString())]);
      expect(highlighted).toEqual([
        ['isabel', ['Isabel Gar', 'cí', 'a', NFC]],
        ['isabel', [NFD]],
        ['yamada', ['山田太郎']],
      ]);
      // The ranges wrap the name's own text nodes and nothing around them.
      const visible = orgWebsiteText(document);
      const hit = index.scanText(visible.text).find((h) => visible.text.slice(h.start, h.end) === NFD)!;
      const [range] = rangesFor(visible, hit.start, hit.end);
      expect(range.startOffset).toBe(0);
      expect(range.endOffset).toBe(NFD.length);
      expect(range.startContainer.parentElement?.tagName).toBe('STRONG');
    });
  });
});
