import { toRomaji } from 'wanakana';
import { ROMAJI_CONSONANT_REWRITES, ROMAJI_SYLLABLES, ROMAJI_VOWEL_REWRITES } from './data/romaji-variants';

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

const kanaCache = new Map<string, string>();

/** Kana (hiragana or katakana, with ー) → romaji, by wanakana: "やまだ たろう" → "yamada tarou". */
export function kanaToRomaji(kana: string): string {
  let romaji = kanaCache.get(kana);
  if (romaji === undefined) {
    // wanakana is thorough but slow, and directories repeat the same readings many times.
    romaji = toRomaji(kana).replace(/'/g, '');
    if (kanaCache.size >= CACHE_LIMIT) kanaCache.clear();
    kanaCache.set(kana, romaji);
  }
  return romaji;
}

/**
 * One spelling for the many romanisations of a Japanese name: Tarō, Tarou, Taroh and Taro all
 * become "taro"; Shimpei and Shinpei "sinpei". This is a comparison key, never shown: tokens that
 * are not Japanese syllables ("john", "smith") come back unchanged, and a Western name that reads
 * as Japanese syllables ("jamie" → "zyamie") is respelled the same way wherever it appears, on the
 * page and in the directory, so it still matches only itself ("jaime" keys as "zyaime").
 */
export function canonicalRomaji(token: string): string {
  const cached = cache.get(token);
  if (cached !== undefined) return cached;
  let rewritten = token;
  for (const [pattern, replacement] of ROMAJI_CONSONANT_REWRITES) rewritten = rewritten.replace(pattern, replacement);
  if (!ROMAJI_SYLLABLES.test(rewritten)) return remember(token, token);
  for (const [pattern, replacement] of ROMAJI_VOWEL_REWRITES) rewritten = rewritten.replace(pattern, replacement);
  return remember(token, rewritten);
}

function remember(token: string, result: string): string {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, result);
  return result;
}
