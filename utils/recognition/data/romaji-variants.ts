// Rewrites that bring the romanisations people actually use (Hepburn, Kunrei, Nihon-shiki,
// passport spellings and long-vowel habits) to one spelling. Applied in order to a lower-case
// token; the kana → romaji step itself is wanakana's.
export const ROMAJI_CONSONANT_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/tch/g, 'tty'], // マッチ: matchi (Hepburn) / macchi
  [/cch/g, 'tty'],
  [/sh/g, 'sy'], // shi/si, sha/sya
  [/syi/g, 'si'],
  [/ch/g, 'ty'], // chi/ti, cha/tya
  [/tyi/g, 'ti'],
  [/tsu/g, 'tu'],
  [/fu/g, 'hu'],
  [/jy/g, 'zy'],
  [/j/g, 'zy'], // ji/zi, ja/zya
  [/zyi/g, 'zi'],
  [/di/g, 'zi'], // ぢ
  [/du/g, 'zu'], // づ
  [/m(?=[bmp])/g, 'n'], // Homma/Honma, Shimpei/Shinpei
];

/** Long vowels, applied only once a token is known to be Japanese syllables. */
export const ROMAJI_VOWEL_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/([ou])h(?![aiueoy])/g, '$1'], // Satoh, Ohno, Yuhko
  [/ou/g, 'o'], // Itou/Ito/Itoh/Itō
  // Not before a closing n: Korean given names spell ㅜ "oo" (Joon, Hoon, Soon), which would become Jon, Hon, Son.
  [/oo(?!n(?![aiueoy]))/g, 'o'],
  [/uu/g, 'u'],
  [/aa/g, 'a'],
  [/ii/g, 'i'],
  [/ee/g, 'e'],
];

/** A token made only of Japanese syllables once rewritten (otherwise it is left as typed: "john", "smith"). */
// An "h" closing a long vowel (Satoh, Ohno) must end the token or precede a syllable, so "john" is not "jon".
export const ROMAJI_SYLLABLES =
  /^(?:n(?![aiueoy])|(?<=[ou])h(?=$|[kgsztdnhbpmrwy][aiueoy])|([kgsztdhbpmr])(?=\1)|(?:[kgsztdnhbpmr]y|[kgsztdnhbpmrwy])?[aiueo])+$/;
