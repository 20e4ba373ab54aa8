// Int32 arrays ⇄ base64 text, in pure TypeScript (no Buffer, no atob), so a serialised index is
// one string the worker can keep in IndexedDB and decode quickly on wake-up.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function encodeInts(values: Int32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const chunks: string[] = [];
  const CHUNK = 3 * 8192;
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const end = Math.min(bytes.length, offset + CHUNK);
    const codes: number[] = [];
    for (let i = offset; i < end; i += 3) {
      const b0 = bytes[i];
      const b1 = i + 1 < end ? bytes[i + 1] : 0;
      const b2 = i + 2 < end ? bytes[i + 2] : 0;
      codes.push(
        ALPHABET.charCodeAt(b0 >> 2),
        ALPHABET.charCodeAt(((b0 & 3) << 4) | (b1 >> 4)),
        i + 1 < end ? ALPHABET.charCodeAt(((b1 & 15) << 2) | (b2 >> 6)) : 61,
        i + 2 < end ? ALPHABET.charCodeAt(b2 & 63) : 61,
      );
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

export function decodeInts(text: string): Int32Array {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 61) length--;
  const byteLength = Math.floor((length * 3) / 4);
  const buffer = new ArrayBuffer(Math.ceil(byteLength / 4) * 4);
  const bytes = new Uint8Array(buffer);
  let out = 0;
  for (let i = 0; i < length; i += 4) {
    const c0 = DECODE[text.charCodeAt(i) & 127];
    const c1 = DECODE[text.charCodeAt(i + 1) & 127];
    const c2 = i + 2 < length ? DECODE[text.charCodeAt(i + 2) & 127] : 0;
    const c3 = i + 3 < length ? DECODE[text.charCodeAt(i + 3) & 127] : 0;
    bytes[out++] = (c0 << 2) | (c1 >> 4);
    if (i + 2 < length) bytes[out++] = ((c1 & 15) << 4) | (c2 >> 2);
    if (i + 3 < length) bytes[out++] = ((c2 & 3) << 6) | c3;
  }
  return new Int32Array(buffer, 0, byteLength >> 2);
}
