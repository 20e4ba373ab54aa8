import { JAPANESE_NAME_SUFFIXES, NAME_PREFIX_TITLES, NAME_SUFFIX_WORDS } from './data/name-affixes';
import { KANJI_VARIANTS } from './data/kanji-variants';
import { NICKNAME_FAMILIES } from './data/nicknames';
import { canonicalRomaji, kanaToRomaji } from './romaji';
import { CJK_CHAR, HAN, KANA, cleanText, foldCase, toHiragana } from './text';

/** A name reduced to comparable tokens: kanji names keep their characters, everything else is folded latin. */
export interface NameForm {
  tokens: string[];
  /** Written without spaces between family and given name (kanji, mixed kanji/kana). */
  cjk: boolean;
  /** Latin words as folded, before the romaji respelling (typo search compares these too). */
  surface?: string[];
}

const DECORATION = /[\p{Extended_Pictographic}\p{So}\p{Sk}\ufe00-\ufe0f\u20e3\u2600-\u27bf]/gu;
const BRACKETED = /[([{【「『〔<]([^)\]}】」』〕>]*)[)\]}】」』〕>]/g;
const STRAY_BRACKETS = /[()[\]{}【】「」『』〔〕<>]/g;
const HAS_BRACKET = /[()[\]{}【】「」『』〔〕<>]/;
const ALTERNATE_SEPARATORS = /[/|｜／\\]|\s[-–—]\s|\s(?:aka|a\.k\.a\.|né|née|geb\.|旧姓)\s/i;
const TOKEN_SEPARATORS = /[\s,、・·•_:;"“”„«»\-‐‑–]+/u;
const JOINERS = /[.'’`´]/g;
const KANJI_VARIANT_CHARS = new RegExp(`[${Object.keys(KANJI_VARIANTS).filter((k) => [...k].length === 1).join('')}]`, 'gu');

/** Every name a page's name text stands for: "Taro Yamada (山田 太郎)" → two forms. */
export function parseName(raw: unknown): NameForm[] {
  const text = cleanText(raw).replace(DECORATION, ' ');
  // Most names have no brackets: skip the bracket passes for them (directory builds parse 100,000s of names).
  const hasBracket = HAS_BRACKET.test(text);
  const main = (hasBracket ? text.replace(BRACKETED, ' ').replace(STRAY_BRACKETS, ' ') : text).trim();
  const bracketed = hasBracket ? [...text.matchAll(BRACKETED)].map((m) => (m[1] ?? '').replace(STRAY_BRACKETS, ' ')) : [];
  const forms: NameForm[] = [];
  const mainParts = main.split(ALTERNATE_SEPARATORS);
  for (const part of mainParts) pushForm(forms, part);
  const primary = forms[0];
  for (const inner of bracketed) {
    for (const part of inner.split(ALTERNATE_SEPARATORS)) {
      const form = toForm(part);
      if (!form) continue;
      // "Hanako Tanaka (Suzuki)": a lone word in brackets is an earlier surname.
      if (primary && !primary.cjk && !form.cjk && form.tokens.length === 1 && primary.tokens.length >= 2) {
        forms.push({ tokens: [...primary.tokens.slice(0, -1), form.tokens[0]], cjk: false });
        forms.push({ tokens: [form.tokens[0], ...primary.tokens.slice(1)], cjk: false });
      } else forms.push(form);
    }
  }
  return dedupe(forms);
}

/**
 * parseName with a memory, for one index build: a directory repeats names (and each row's names are read for
 * its row and again for its keys). The forms are shared, so callers must not change them.
 */
export function memoisedParseName(): (raw: string) => NameForm[] {
  const memory = new Map<string, NameForm[]>();
  return (raw) => {
    let forms = memory.get(raw);
    if (!forms) memory.set(raw, (forms = parseName(raw)));
    return forms;
  };
}

function pushForm(forms: NameForm[], part: string): void {
  const form = toForm(part);
  if (form) forms.push(form);
}

function dedupe(forms: NameForm[]): NameForm[] {
  const seen = new Set<string>();
  return forms.filter((form) => {
    const key = `${form.cjk}|${form.tokens.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function stripJapaneseSuffixes(text: string): string {
  let out = text.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of JAPANESE_NAME_SUFFIXES) {
      if (!out.endsWith(suffix)) continue;
      const rest = out.slice(0, -suffix.length).trim();
      if ([...rest.replace(/\s/g, '')].length >= 2) {
        out = rest;
        changed = true;
      }
    }
  }
  return out;
}

function stripAffixWords(tokens: string[]): string[] {
  const out = tokens.slice();
  while (out.length > 1 && NAME_PREFIX_TITLES.has(out[0].replace(/\./g, ''))) out.shift();
  while (out.length > 2 && NAME_SUFFIX_WORDS.has(out[out.length - 1].replace(/\./g, ''))) out.pop();
  return out;
}

/** One alternate ("Dr. Taro Yamada, PhD") → its tokens, or null when nothing name-like is left. */
function toForm(part: string): NameForm | null {
  const folded = foldCase(stripJapaneseSuffixes(part));
  let tokens = stripAffixWords(folded.split(TOKEN_SEPARATORS).filter(Boolean));
  tokens = tokens.map((t) => t.replace(JOINERS, '')).filter(Boolean);
  // Middle initials ("Sofia A. Reyes") are dropped; directories rarely hold them.
  if (tokens.length > 2) tokens = tokens.filter((t, i) => i === 0 || t.length > 1 || CJK_CHAR.test(t));
  if (tokens.length === 0 || tokens.length > 8) return null;
  if (tokens.some((t) => HAN.test(t))) {
    const cjkTokens = tokens.map((t) => toHiragana(t).replace(KANJI_VARIANT_CHARS, (ch) => KANJI_VARIANTS[ch] ?? ch));
    return cjkTokens.join('').length >= 2 ? { tokens: cjkTokens, cjk: true } : null;
  }
  const surface = tokens.map((t) => (KANA.test(t) ? foldCase(kanaToRomaji(t)).replace(JOINERS, '') : t));
  const latin = surface.map(canonicalRomaji);
  return latin.join('').length >= 2 ? { tokens: latin, cjk: false, surface } : null;
}

export type KeyKind = 'full' | 'partial';

/**
 * Lookup keys for one form: tokens joined without spaces, in both orders (Japanese names appear
 * family-first and given-first); for three or more tokens also first + last ("partial"), so a
 * missing middle name still meets.
 */
export function nameKeys(form: NameForm): Array<{ key: string; kind: KeyKind }> {
  const t = form.tokens;
  const keys: Array<{ key: string; kind: KeyKind }> = [{ key: t.join(''), kind: 'full' }];
  if (t.length === 2) keys.push({ key: t[1] + t[0], kind: 'full' });
  if (t.length >= 3) {
    keys.push({ key: t[t.length - 1] + t.slice(0, -1).join(''), kind: 'full' });
    // Shortened forms: given name with each surname ("José García" for José María García López,
    // "Sofia Reyes" for Sofia Andersson Reyes), and the two leading words with the last.
    for (let i = 1; i < t.length; i++) {
      keys.push({ key: t[0] + t[i], kind: 'partial' });
      keys.push({ key: t[i] + t[0], kind: 'partial' });
    }
    if (t.length >= 4) keys.push({ key: t[0] + t[1] + t[t.length - 1], kind: 'partial' });
  }
  return keys;
}

/**
 * Whether two names that met only through shortened keys (each with a word the other lacks) can be one
 * person: yes when one name's words are all in the other ("José García", "José María García López"), or
 * when only middle words differ ("Sofia Andersen Reyes", "Sofia Andersson Reyes"); no when a first or
 * last word differs ("Laxmi Kant Tiwari", "Laxmi Kant Mishra": same given and middle names, another surname).
 */
export function namesCompatible(a: NameForm, b: NameForm): boolean {
  if (a.cjk !== b.cjk) return false;
  const aWords = new Set(a.tokens);
  const bWords = new Set(b.tokens);
  const within = (words: readonly string[], set: ReadonlySet<string>) => words.every((word) => set.has(word));
  if (within(a.tokens, bWords) || within(b.tokens, aWords)) return true;
  const ends = (form: NameForm) => [form.tokens[0]!, form.tokens[form.tokens.length - 1]!];
  return within(ends(a), bWords) && within(ends(b), aWords);
}

const TRANSLITERATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[üÜ]/g, 'ue'],
  [/[öÖøØ]/g, 'oe'],
  [/[äÄæÆ]/g, 'ae'],
  [/[åÅ]/g, 'aa'],
];

/**
 * The German and Nordic way to write a directory name without its letters: Müller → Mueller,
 * Søren → Soeren. Folding already makes "Muller" match; this adds the other common spelling.
 */
export function transliteratedName(name: string): string | null {
  let out = name;
  for (const [pattern, replacement] of TRANSLITERATIONS) out = out.replace(pattern, replacement);
  return out === name ? null : out;
}

const nicknameGroups = new Map<string, string[]>();
for (const family of NICKNAME_FAMILIES) {
  // Spelled the way name words are keyed (romaji.ts: "jamie" reads as Japanese syllables and keys as "zyamie").
  const names = family.split(' ').map((name) => canonicalRomaji(foldCase(name)));
  for (const name of names) nicknameGroups.set(name, [...new Set([...(nicknameGroups.get(name) ?? []), ...names])].filter((n) => n !== name));
}

/** Given names a name word may stand for: "mike" → ["michael", "mick", "mikey"]. */
export function nicknameAlternatives(word: string): readonly string[] {
  return nicknameGroups.get(canonicalRomaji(word)) ?? [];
}
