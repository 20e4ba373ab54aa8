/**
 * Limits checked on a JSON body's text before it is parsed. JSON.parse of a megabyte of `[` takes
 * about half a second of CPU, and a deeply nested value overflows the stack of any recursive walk
 * after it; no request of this API nests deeper than a handful of levels.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether the JSON text nests arrays and objects deeper than `max`. One pass over the characters,
 * skipping strings; it stops at the first level too deep, so an attack costs almost nothing.
 */
export function nestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++; // backslash: the next character is escaped
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > max) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}

// A UTF-16 surrogate without its partner: valid in a JS string (JSON's "\ud800"), but no character,
// so PostgreSQL refuses it in json and text.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored in PostgreSQL text or jsonb, or undefined if it can. */
export function unstorable(text: string): string | undefined {
  if (text.includes('\0')) return 'NUL characters are not allowed';
  if (loneSurrogate.test(text)) return 'a lone UTF-16 surrogate (half of a character) is not allowed';
  return undefined;
}
