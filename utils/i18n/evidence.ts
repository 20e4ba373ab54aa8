import type { Evidence } from '../recognition/verdict';
import { formatMonth, translate, type Translate, type UiLang } from './index';
import { pageEn } from './page-en';
import { pageJa } from './page-ja';

// The recognition engine returns evidence as facts (a kind and its values); this is the one place that
// turns them into a sentence, in the UI's language, for the sidebar card and the CLI alike.

type Experience = Extract<Evidence, { kind: 'experience-overlap' | 'experience-conflict' }>['values'];

function pageDates(values: Experience, lang: UiLang, t: Translate): string {
  const from = values.from ? formatMonth(lang, values.from) : '?';
  const to = values.to === null ? t('evidence.present') : values.to ? formatMonth(lang, values.to) : '?';
  return t('person.tenure', { from, to });
}

function tenure(values: Experience, lang: UiLang, t: Translate): string {
  return values.tenure
    .map((range) => t('person.tenure', { from: formatMonth(lang, range.from), to: formatMonth(lang, range.to) }))
    .join(lang === 'ja' ? '、' : ', ');
}

/** One piece of evidence as a sentence in `lang` (t must translate the in-page table of that language). */
export function describeEvidence(evidence: Evidence, lang: UiLang, t: Translate): string {
  switch (evidence.kind) {
    case 'experience-overlap':
    case 'experience-conflict': {
      const { organization } = evidence.values;
      return t(`evidence.${evidence.kind}`, { organization, pageDates: pageDates(evidence.values, lang, t), tenure: tenure(evidence.values, lang, t) });
    }
    case 'listed-at-employer':
    case 'listed-elsewhere': {
      const { organization } = evidence.values;
      const listed = t(`evidence.listed.${evidence.values.page}`, { organization });
      if (evidence.kind === 'listed-at-employer') return t('evidence.listed-at-employer', { listed, organization });
      const { employer } = evidence.values;
      return employer ? t('evidence.listed-elsewhere', { listed, employer }) : t('evidence.listed-no-employer', { listed });
    }
    default:
      return t(`evidence.${evidence.kind}`, evidence.values);
  }
}

/** Evidence as sentences outside the UI (the match and eval commands), from the in-page tables. */
export function evidenceSentences(evidence: readonly Evidence[], lang: UiLang): string[] {
  const table = lang === 'ja' ? pageJa : pageEn;
  const t: Translate = (key, params) => translate(table, key, params);
  return evidence.map((item) => describeEvidence(item, lang, t));
}
