import { ALLOWED_AFTER_MENTION, FORMER_MARKERS_AFTER, FORMER_MARKERS_BEFORE } from './data/headline-markers';
import { JAPANESE_LEGAL_FORMS, LEGAL_FORM_WORDS } from './data/legal-forms';
import type { CompanyMatcher } from './organizations';
import { cleanText, foldCase, toHiragana } from './text';

const MAX_HEADLINE = 2000;
const SEGMENT_BREAK = /[|;/、。•·]/g;
const LOOK_BEHIND = 40;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function removeJapaneseLegalForms(text: string): string {
  let out = text;
  for (const form of JAPANESE_LEGAL_FORMS) if (out.includes(form)) out = out.split(form).join('');
  return out;
}

/** The mention with up to 20 characters either side, cut between words, "…" where the headline goes on. */
function excerpt(text: string, start: number, end: number): string {
  let from = Math.max(0, start - 20);
  let to = Math.min(text.length, end + 20);
  // Latin words are not cut in half: the cut moves to the nearest space inside the window.
  if (from > 0 && LETTER_OR_DIGIT.test(text[from - 1]!) && !CJK.test(text[from]!)) {
    const space = text.slice(from, start).search(/\s/);
    from = space >= 0 ? from + space + 1 : start;
  }
  if (to < text.length && LETTER_OR_DIGIT.test(text[to]!) && !CJK.test(text[to - 1]!)) {
    const space = text.slice(end, to).search(/\s[^\s]*$/);
    to = space >= 0 ? end + space : end;
  }
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

/**
 * Finds a headline saying the person used to work at our company ("ex-Sakura Digital",
 * "元さくらデジタル", "さくらデジタル出身", "Sakura Digital OB"). Returns a short excerpt, or null.
 * A bare mention ("Engineer at Sakura Digital") is not enough, and neither is a longer name that
 * starts like ours ("ex-Mynavi Travel" for Mynavi).
 */
export function findFormerMention(headline: unknown, company: CompanyMatcher): string | null {
  const original = removeJapaneseLegalForms(cleanText(headline, MAX_HEADLINE));
  const folded = toHiragana(foldCase(original));
  const sameShape = folded.length === original.length;
  for (const phrase of company.phrases) {
    for (let start = folded.indexOf(phrase); start >= 0; start = folded.indexOf(phrase, start + 1)) {
      const end = start + phrase.length;
      const latinStart = !CJK.test(phrase[0]);
      if (latinStart && start > 0 && LETTER_OR_DIGIT.test(folded[start - 1])) continue;
      let after = folded.slice(end, end + 40);
      let afterOriginal = sameShape ? original.slice(end, end + 40) : after;
      // Skip legal-form words after a latin name ("Sakura Digital Inc.").
      for (let word = /^\s+([\p{L}.]+)/u.exec(after); word && LEGAL_FORM_WORDS.has(word[1].replace(/\./g, '')); word = /^\s+([\p{L}.]+)/u.exec(after)) {
        after = after.slice(word[0].length);
        afterOriginal = afterOriginal.slice(word[0].length);
      }
      if (!ALLOWED_AFTER_MENTION.test(after)) continue;
      const nextWord = /^\s+(\p{L}+)/u.exec(afterOriginal);
      if (!CJK.test(phrase[phrase.length - 1]) && nextWord && /^\p{Lu}/u.test(nextWord[1]) && !FORMER_MARKERS_AFTER.test(after)) continue;
      const before = folded.slice(Math.max(0, start - LOOK_BEHIND), start);
      const segment = before.split(SEGMENT_BREAK).pop() ?? '';
      if (FORMER_MARKERS_BEFORE.test(segment) || FORMER_MARKERS_AFTER.test(after)) {
        return excerpt(original, start, end);
      }
    }
  }
  return null;
}
