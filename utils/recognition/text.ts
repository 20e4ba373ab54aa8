import { LATIN_LETTER_FOLDS } from './data/latin-letters';

// Text folding shared by names, organisation names and the page scanner. Page text is hostile:
// everything here is linear, bounded and never throws.

/** Longer strings are not names; cutting them keeps every later step cheap. */
export const MAX_NAME_LENGTH = 300;

const HTML_TAG = /<[^<>]{0,500}>/g;
const HTML_ENTITY = /&(#x?[0-9a-f]{1,6}|[a-z]{2,8});/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
// Control and format characters (zero-width spaces, bidi overrides) carry no letters.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;
const COMBINING_ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const NON_ASCII_LATIN = /[^\u0000-\u007f]/;

function decodeEntity(_match: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? ' ';
}

/** Bounds the length, drops markup and invisible characters, and applies NFKC (full-width → half-width). */
export function cleanText(raw: unknown, maxLength = MAX_NAME_LENGTH): string {
  if (typeof raw !== 'string') return '';
  let text = raw.length > maxLength * 2 ? raw.slice(0, maxLength * 2) : raw;
  if (text.includes('<')) text = text.replace(HTML_TAG, ' ');
  if (text.includes('&')) text = text.replace(HTML_ENTITY, decodeEntity);
  text = text.replace(INVISIBLE, (ch) => (ch === '\t' || ch === '\n' || ch === '\r' ? ' ' : ''));
  text = text.normalize('NFKC');
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}

/** Lower case without accents: "Ōno Søren" → "ono soren". Leaves kana and kanji alone (dakuten are kept). */
export function foldCase(text: string): string {
  let folded = text.toLowerCase();
  if (!NON_ASCII_LATIN.test(folded)) return folded;
  folded = folded.normalize('NFD').replace(COMBINING_ACCENTS, '').normalize('NFC');
  let out = '';
  for (const ch of folded) out += LATIN_LETTER_FOLDS[ch] ?? ch;
  return out;
}

const KATAKANA_START = 0x30a1;
const KATAKANA_END = 0x30f6;
const KANA_OFFSET = 0x60;

/** Katakana → hiragana, so サクラ and さくら compare equal. A code-point shift, not a lookup table. */
export function toHiragana(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCharCode(code - KANA_OFFSET) : text[i];
  }
  return out;
}

export const HAN = /\p{Script=Han}/u;
export const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
/** Scripts written without spaces between family and given name. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005]/u;
