import { decodeInts, encodeInts } from './codec';

// Name key → directory slots. A posting packs the slot with how the key was made:
// bit 0 = first + last only (a middle name left out), bit 1 = a former name.
export const PARTIAL = 1;
export const FORMER = 2;
const FLAG_BITS = 2;

export const postingSlot = (posting: number) => posting >>> FLAG_BITS;
export const postingFlags = (posting: number) => posting & ((1 << FLAG_BITS) - 1);
export const makePosting = (slot: number, flags: number) => (slot << FLAG_BITS) | flags;

export class NameTable {
  private readonly postings = new Map<string, number[] | Int32Array>();

  add(key: string, posting: number): void {
    const list = this.postings.get(key);
    if (!list) this.postings.set(key, [posting]);
    else if (Array.isArray(list)) {
      if (!list.includes(posting)) list.push(posting);
    } else if (!list.includes(posting)) this.postings.set(key, [...list, posting]);
  }

  get(key: string): ArrayLike<number> | undefined {
    return this.postings.get(key);
  }

  get size(): number {
    return this.postings.size;
  }

  keys(): IterableIterator<string> {
    return this.postings.keys();
  }

  toJSON(): object {
    const keys: string[] = [];
    const starts: number[] = [0];
    const flat: number[] = [];
    for (const [key, list] of this.postings) {
      keys.push(key);
      for (let i = 0; i < list.length; i++) flat.push(list[i]);
      starts.push(flat.length);
    }
    return { keys: keys.join('\n'), starts: encodeInts(Int32Array.from(starts)), postings: encodeInts(Int32Array.from(flat)) };
  }

  static fromJSON(data: Record<string, unknown>): NameTable {
    const table = new NameTable();
    const text = String(data.keys ?? '');
    if (!text) return table;
    const keys = text.split('\n');
    const starts = decodeInts(String(data.starts ?? ''));
    const flat = decodeInts(String(data.postings ?? ''));
    for (let i = 0; i < keys.length; i++) table.postings.set(keys[i], flat.subarray(starts[i], starts[i + 1]));
    return table;
  }
}
