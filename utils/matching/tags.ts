// Tags and skills as people type them ("Data visualisation", "data-visualization", "ＴｙｐｅＳｃｒｉｐｔ",
// "セキュリティ診断") compared by meaning rather than by spelling: width, case, separators and the British/American
// -isation/-ization spelling do not matter.

export function normaliseTag(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_/・.,、。]+/g, ' ')
    .replace(/isation\b/g, 'ization')
    .replace(/yse\b/g, 'yze')
    .trim();
}

const latinOnly = /^[a-z0-9 +#&]+$/;

/**
 * Whether a tag is mentioned in a text (both normalised): a latin tag as whole words ("java" is not in
 * "javascript"), any other (Japanese has no spaces between words) as a substring.
 */
export function mentions(normalisedText: string, normalisedTag: string): boolean {
  if (normalisedTag.length < 2) return false;
  if (!latinOnly.test(normalisedTag)) return normalisedText.includes(normalisedTag);
  let from = 0;
  for (;;) {
    const at = normalisedText.indexOf(normalisedTag, from);
    if (at === -1) return false;
    const before = normalisedText[at - 1];
    const after = normalisedText[at + normalisedTag.length];
    if ((!before || !/[a-z0-9]/.test(before)) && (!after || !/[a-z0-9]/.test(after))) return true;
    from = at + 1;
  }
}
