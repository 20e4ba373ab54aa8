// Legal-form words that say what kind of company it is, not which one. Removed before comparing
// organisation names: "株式会社さくらデジタル", "(株)さくらデジタル" and "さくらデジタル" are one company.

/** Japanese forms, removed wherever they appear (they are written before or after the name, unspaced). NFKC has already turned ㈱ into (株). */
export const JAPANESE_LEGAL_FORMS: readonly string[] = [
  '株式会社', '(株)', '有限会社', '(有)', '合同会社', '(同)', '合資会社', '(資)', '合名会社', '(名)',
  '一般社団法人', '公益社団法人', '一般財団法人', '公益財団法人', '社団法人', '財団法人', '学校法人', '医療法人',
  '独立行政法人', '国立大学法人', '特定非営利活動法人', 'npo法人',
];

/** Multi-word or punctuated forms, matched on the lower-cased text before it is split into words. */
export const PUNCTUATED_LEGAL_FORMS: readonly RegExp[] = [
  /\bk\.\s?k\.?(?=\s|$|,)/g,
  /\bg\.\s?k\.?(?=\s|$|,)/g,
  /\bs\.\s?a\.?(?=\s|$|,)/g,
  /\bs\.\s?l\.?(?=\s|$|,)/g,
  /\bs\.\s?r\.\s?l\.?(?=\s|$|,)/g,
  /\bs\.\s?p\.\s?a\.?(?=\s|$|,)/g,
  /\bs\.\s?a\.\s?s\.?(?=\s|$|,)/g,
  /\bb\.\s?v\.?(?=\s|$|,)/g,
  /\bn\.\s?v\.?(?=\s|$|,)/g,
  /\be\.\s?v\.?(?=\s|$|,)/g,
  /\ba\/s\b/g,
  /\bsp\.\s?z\s?o\.\s?o\.?/g,
  /\bgmbh\s?&\s?co\.?\s?kg\b/g,
  /\bco\.,?\s?ltd\.?/g,
  /\bpte\.?\s?ltd\.?/g,
  /\bpty\.?\s?ltd\.?/g,
];

/** English and European single words (compared without periods). */
export const LEGAL_FORM_WORDS: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'pty', 'pte',
  'kk', 'gk', 'yk', 'gmbh', 'ag', 'kg', 'ohg', 'ug', 'sa', 'sas', 'sarl', 'srl', 'spa', 'sl', 'slu', 'bv', 'nv', 'ab', 'as',
  'asa', 'aps', 'oy', 'oyj', 'se', 'ltda', 'kft', 'zrt', 'sro', 'doo', 'ev', 'the',
]);
