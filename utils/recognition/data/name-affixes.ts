// Words around a name that are not part of it. Compared after case and accent folding, with
// periods removed ("Ph.D." → "phd").

/** Titles written before a name. */
export const NAME_PREFIX_TITLES: ReadonlySet<string> = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev',
  'herr', 'frau', 'mme', 'mlle', 'monsieur', 'madame', 'sr', 'sra', 'srta', 'don', 'dona', 'dott', 'dottssa',
  'ing', 'dipl', 'mag', 'eng', 'hon',
]);

/** Credentials and generational suffixes written after a name. */
export const NAME_SUFFIX_WORDS: ReadonlySet<string> = new Set([
  'mba', 'phd', 'dphil', 'md', 'pmp', 'cpa', 'cfa', 'cissp', 'csm', 'pe', 'peng', 'esq', 'jr', 'sr', 'ii', 'iii', 'iv',
  'msc', 'bsc', 'meng', 'beng', 'llm', 'jd', 'frcs', 'mrcp', 'cma', 'acca', 'aca', 'shrm', 'cp', 'shrmcp', 'she', 'her',
  'hers', 'him', 'his', 'he', 'they', 'them', 'san', 'sama', 'kun', 'chan', 'sensei', 'hakase',
]);

/** Japanese honorifics and titles attached after a name, with or without a space. */
export const JAPANESE_NAME_SUFFIXES: readonly string[] = [
  '様', 'さま', 'サマ', 'さん', 'サン', '氏', '殿', '先生', '博士', '教授', '准教授', '社長', '部長', '課長', 'くん', '君', 'ちゃん',
];
