import { JAPANESE_LEGAL_FORMS, LEGAL_FORM_WORDS, PUNCTUATED_LEGAL_FORMS } from './data/legal-forms';
import { cleanText, foldCase, toHiragana } from './text';

const BRACKETED = /[([{【「『〔]([^)\]}】」』〕]*)[)\]}】」』〕]/g;
// LinkedIn writes "Sakura Digital · Full-time"; other sites use | or / between alternates.
const ALTERNATE_SEPARATORS = /[·•|/｜／]|\s[-–—]\s/;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const FORMER_NAME_MARKER = /^(?:formerly|previously|former|prev|旧|旧社名|現)\s*[:：]?\s*/;

/** Folds case, kana and width, and removes legal forms written with punctuation (株式会社, (株), A/S, Co., Ltd.). */
function foldOrganizationText(text: string): string {
  let folded = toHiragana(foldCase(cleanText(text)));
  for (const form of JAPANESE_LEGAL_FORMS) if (folded.includes(form)) folded = folded.split(form).join(' ');
  for (const pattern of PUNCTUATED_LEGAL_FORMS) folded = folded.replace(pattern, ' ');
  return folded.replace(/&/g, ' and ');
}

function withoutLegalWords(folded: string): string[] {
  return folded
    .replace(/\./g, '')
    .split(/[\s,]+/)
    .filter((word) => word && !LEGAL_FORM_WORDS.has(word));
}

/** The comparison key of one organisation name, legal forms removed: "Sakura Digital Inc." → "sakuradigital". */
export function organizationKey(name: string): string {
  return withoutLegalWords(foldOrganizationText(name)).join('').replace(NOT_LETTER_OR_DIGIT, '');
}

/** The same name as words for searching free text: "Sakura Digital Inc." → "sakura digital". */
export function organizationPhrase(name: string): string {
  return withoutLegalWords(foldOrganizationText(name)).join(' ');
}

const MIN_KEY_LENGTH = 2;

/**
 * Every organisation a page's text may name: "Sakura Digital · Full-time" → also the part before
 * the dot; "さくらデジタル (旧サクラソフト)" → both names.
 */
export function organizationKeys(text: unknown): string[] {
  const folded = foldOrganizationText(typeof text === 'string' ? text : '');
  if (!folded.trim()) return [];
  const main = folded.replace(BRACKETED, ' ');
  const parts = [main, ...[...folded.matchAll(BRACKETED)].map((m) => m[1] ?? '')];
  const keys = new Set<string>();
  const add = (piece: string) => {
    const key = withoutLegalWords(piece.trim().replace(FORMER_NAME_MARKER, '')).join('').replace(NOT_LETTER_OR_DIGIT, '');
    if (key.length >= MIN_KEY_LENGTH) keys.add(key);
  };
  add(main);
  for (const part of parts) for (const piece of part.split(ALTERNATE_SEPARATORS)) add(piece);
  return [...keys];
}

/** Our company's names, ready to compare against experience entries and headlines. */
export class CompanyMatcher {
  readonly keys: ReadonlySet<string>;
  /** Folded spellings to look for inside free text (headlines), longest first. */
  readonly phrases: readonly string[];

  constructor(names: readonly string[]) {
    this.keys = new Set(names.map(organizationKey).filter(Boolean));
    const phrases = new Set<string>();
    for (const name of names) {
      const phrase = organizationPhrase(name);
      if (phrase.length >= MIN_KEY_LENGTH) phrases.add(phrase);
    }
    this.phrases = [...phrases].sort((a, b) => b.length - a.length);
  }

  /** Does this organisation text (an experience entry) name our company? */
  names(organization: unknown): boolean {
    return organizationKeys(organization).some((key) => this.keys.has(key));
  }
}
