import type { SectionReader, SectionWriter } from './codec';

// An immutable string → int-list table in flat arrays: keys concatenated in one string, an
// open-addressing hash over them, postings in one Int32Array. Loading it is decoding a few
// arrays: no per-key work, which is what lets a woken service worker answer at once.

function hashOf(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class FrozenTable {
  private constructor(
    private readonly keyText: string,
    private readonly keyStart: Int32Array,
    private readonly buckets: Int32Array,
    private readonly postingStart: Int32Array,
    private readonly postings: Int32Array,
  ) {}

  static from(entries: Iterable<readonly [string, ArrayLike<number>]>): FrozenTable {
    const keys: string[] = [];
    const postingStart: number[] = [0];
    const flat: number[] = [];
    for (const [key, list] of entries) {
      keys.push(key);
      for (let i = 0; i < list.length; i++) flat.push(list[i]);
      postingStart.push(flat.length);
    }
    return FrozenTable.fromGroups(keys, Int32Array.from(postingStart), Int32Array.from(flat));
  }

  /** Keys with their postings already grouped: key k owns postings[postingStart[k] .. postingStart[k + 1]). */
  static fromGroups(keys: readonly string[], postingStart: Int32Array, postings: Int32Array): FrozenTable {
    const keyStart = new Int32Array(keys.length + 1);
    for (let k = 0; k < keys.length; k++) keyStart[k + 1] = keyStart[k] + keys[k].length;
    const keyText = keys.join('');
    return new FrozenTable(keyText, keyStart, bucketsFor(keyText, keyStart), postingStart, postings);
  }

  static empty(): FrozenTable {
    return FrozenTable.from([]);
  }

  get size(): number {
    return this.keyStart.length - 1;
  }

  /** Index of `key`, or -1. */
  find(key: string): number {
    const mask = this.buckets.length - 1;
    for (let b = hashOf(key, 0, key.length) & mask; ; b = (b + 1) & mask) {
      const entry = this.buckets[b];
      if (entry === 0) return -1;
      const k = entry - 1;
      const from = this.keyStart[k];
      if (this.keyStart[k + 1] - from !== key.length) continue;
      let equal = true;
      for (let i = 0; i < key.length; i++)
        if (this.keyText.charCodeAt(from + i) !== key.charCodeAt(i)) {
          equal = false;
          break;
        }
      if (equal) return k;
    }
  }

  forEach(key: string, visit: (posting: number) => void): void {
    const k = this.find(key);
    if (k < 0) return;
    for (let i = this.postingStart[k]; i < this.postingStart[k + 1]; i++) visit(this.postings[i]);
  }

  keyAt(index: number): string {
    return this.keyText.slice(this.keyStart[index], this.keyStart[index + 1]);
  }

  postingsAt(index: number): Int32Array {
    return this.postings.subarray(this.postingStart[index], this.postingStart[index + 1]);
  }

  /** The hash buckets are not written: they are a fifth of the bytes, and rebuilt on read in a few milliseconds. */
  write(out: SectionWriter, prefix: string): void {
    out.text(`${prefix}.keys`, this.keyText);
    out.ints(`${prefix}.keyStart`, this.keyStart, true);
    out.ints(`${prefix}.postingStart`, this.postingStart, true);
    out.ints(`${prefix}.postings`, this.postings);
  }

  static read(input: SectionReader, prefix: string): FrozenTable {
    const keyText = input.text(`${prefix}.keys`);
    const keyStart = input.ints(`${prefix}.keyStart`);
    const postingStart = input.ints(`${prefix}.postingStart`);
    const postings = input.ints(`${prefix}.postings`);
    const damaged =
      keyStart.length === 0 ||
      keyStart[keyStart.length - 1] !== keyText.length ||
      postingStart.length !== keyStart.length ||
      postingStart[postingStart.length - 1] !== postings.length;
    if (damaged) throw new Error(`Serialised recognition index: ${prefix} is damaged`);
    return new FrozenTable(keyText, keyStart, bucketsFor(keyText, keyStart), postingStart, postings);
  }
}

/** An open-addressing hash over the keys (key k stored as k + 1), at most half full. */
function bucketsFor(keyText: string, keyStart: Int32Array): Int32Array {
  const count = keyStart.length - 1;
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  const buckets = new Int32Array(capacity);
  for (let k = 0; k < count; k++) {
    let b = hashOf(keyText, keyStart[k], keyStart[k + 1]) & (capacity - 1);
    while (buckets[b] !== 0) b = (b + 1) & (capacity - 1);
    buckets[b] = k + 1;
  }
  return buckets;
}
