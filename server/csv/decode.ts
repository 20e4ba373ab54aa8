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

const decodeChunk = 1024 * 1024;

/**
 * Bytes of a CSV file as text. A UTF-8 byte-order mark or valid UTF-8 means UTF-8; anything else is read as
 * Shift_JIS in its Windows form (CP932, what Japanese Excel and HR systems write). A declared encoding wins.
 * Decodes a megabyte at a time with a turn of the event loop in between, so a 30 MB export does not hold the
 * server; says which encoding it used.
 */
export async function decodeCsvBytes(
  bytes: Uint8Array,
  declared?: CsvEncoding,
  pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
): Promise<{ text: string; encoding: CsvEncoding }> {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (declared !== 'shift_jis') {
    try {
      const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
      const parts: string[] = [];
      for (let start = 0; start < bytes.length; start += decodeChunk) {
        parts.push(decoder.decode(bytes.subarray(start, start + decodeChunk), { stream: true }));
        await pause();
      }
      parts.push(decoder.decode());
      return { text: parts.join(''), encoding: 'utf-8' };
    } catch {
      if (declared === 'utf-8' || hasBom) throw new UndecodableCsv('The file is not valid UTF-8.');
    }
  }
  const decoder = iconv.getDecoder('cp932');
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += decodeChunk) {
    const chunk = bytes.subarray(start, start + decodeChunk);
    parts.push(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    await pause();
  }
  parts.push(decoder.end() ?? '');
  const text = parts.join('');
  if (text.includes('\uFFFD')) throw new UndecodableCsv('The file is neither valid UTF-8 nor valid Shift_JIS.');
  return { text, encoding: 'shift_jis' };
}
