// Latin letters that Unicode does not decompose into a base letter plus an accent, folded the
// way people type them on an English keyboard (Søren → soren, Straße → strasse, Łukasz → lukasz).
export const LATIN_LETTER_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'n',
  ſ: 's',
};
