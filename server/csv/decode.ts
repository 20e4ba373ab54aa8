import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'shift_jis';

export class UndecodableCsv extends Error {}

/** Accepts the names HR tools and HTTP clients use for the two encodings. */
export function parseEncodingName(name: string | undefined): CsvEncoding | undefined {
  const key = name?.trim().toLowerCase().replace(/[-_]/g, '');
  if (!key) return undefined;
  if (key === 'utf8') return 'utf-8';
  if (['shiftjis', 'sjis', 'cp932', 'windows31j', 'ms932', 'xsjis'].includes(key)) return 'shift_jis';
  throw new UndecodableCsv(`Unsupported encoding "${name}"; use utf-8 or shift_jis.`);
}

/**
 * Bytes of a CSV file as text. A UTF-8 byte-order mark or valid UTF-8 means UTF-8; anything else is read as
 * Shift_JIS in its Windows form (CP932, what Japanese Excel and HR systems write). A declared encoding wins.
 */
export function decodeCsvBytes(bytes: Uint8Array, declared?: CsvEncoding): string {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (declared !== 'shift_jis') {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      if (declared === 'utf-8' || hasBom) throw new UndecodableCsv('The file is not valid UTF-8.');
    }
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  if (text.includes('\uFFFD')) throw new UndecodableCsv('The file is neither valid UTF-8 nor valid Shift_JIS.');
  return text;
}
