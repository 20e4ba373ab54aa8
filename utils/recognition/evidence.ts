import type { Evidence } from './types';

/** Every evidence code the engine emits; params named in {braces} fill the sentences. */
export const EVIDENCE_SENTENCES: Readonly<Record<string, { en: string; ja: string }>> = {
  'profile-url': {
    en: 'This profile ({url}) is the one on file for {alumnus}.',
    ja: 'このプロフィール（{url}）は名簿に登録された{alumnus}さんのものです。',
  },
  'profile-url-differs': {
    en: 'The directory holds a different {site} profile for {alumnus}.',
    ja: '名簿には{alumnus}さんの別の{site}プロフィールが登録されています。',
  },
  'name-exact': {
    en: 'The name “{pageName}” matches {alumnus} in the directory.',
    ja: '名前「{pageName}」が名簿の{alumnus}さんと一致します。',
  },
  'name-former': {
    en: 'The name “{pageName}” matches a former name of {alumnus} ({directoryName}).',
    ja: '名前「{pageName}」が{alumnus}さんの旧姓・旧名（{directoryName}）と一致します。',
  },
  'name-partial': {
    en: 'The name “{pageName}” matches {alumnus} apart from a middle name.',
    ja: '名前「{pageName}」がミドルネームを除いて{alumnus}さんと一致します。',
  },
  'name-nickname': {
    en: 'The name “{pageName}” uses a short form of {alumnus}’s given name.',
    ja: '名前「{pageName}」は{alumnus}さんの名の愛称です。',
  },
  'name-typo': {
    en: 'The name “{pageName}” is one letter away from {alumnus}.',
    ja: '名前「{pageName}」は{alumnus}さんと一文字違いです。',
  },
  'experience-overlap': {
    en: 'Lists {organization} ({pageDates}), overlapping the tenure on file ({tenure}).',
    ja: '経歴に{organization}（{pageDates}）があり、名簿の在籍期間（{tenure}）と重なります。',
  },
  'experience-undated': {
    en: 'Lists {organization} in their experience (no dates shown).',
    ja: '経歴に{organization}があります（期間の記載なし）。',
  },
  'experience-conflict': {
    en: 'Lists {organization} for {pageDates}, but the tenure on file is {tenure}: these do not overlap.',
    ja: '経歴の{organization}の期間（{pageDates}）が名簿の在籍期間（{tenure}）と重なりません。',
  },
  'headline-mention': {
    en: 'The headline calls them a former member of {organization}: “{excerpt}”.',
    ja: '見出しに{organization}の出身と書かれています：「{excerpt}」。',
  },
  'current-employer': {
    en: 'Works at {organization}, the current employer on file.',
    ja: '現在の勤務先{organization}が名簿の情報と一致します。',
  },
  'name-shared': {
    en: '{count} alumni share this name; nothing on the page tells them apart.',
    ja: 'この名前の卒業生が{count}人いて、ページの情報では区別できません。',
  },
  'name-common': {
    en: '“{pageName}” is a common name, so the name alone proves little.',
    ja: '「{pageName}」はよくある名前のため、名前だけでは判断できません。',
  },
  'name-only': {
    en: 'Only the name matches; nothing on the page mentions our company.',
    ja: '一致しているのは名前だけで、ページに当社の記載はありません。',
  },
};

/** One evidence item as a sentence for the sidebar or the CLI. Unknown codes still read sensibly. */
export function describeEvidence(evidence: Evidence, lang: 'en' | 'ja'): string {
  const sentences = EVIDENCE_SENTENCES[evidence.code];
  if (!sentences) {
    const details = Object.entries(evidence.params ?? {})
      .map(([key, value]) => `${key}: ${value}`)
      .join(', ');
    return details ? `${evidence.code} (${details})` : evidence.code;
  }
  const template = sentences[lang] ?? sentences.en;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => evidence.params?.[name] ?? '');
}
