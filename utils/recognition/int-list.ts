/**
 * A growable list of 32-bit integers in one typed array: building the index pushes millions of numbers, and
 * plain arrays of small arrays (one per key) made the garbage collector the biggest cost of a build.
 */
export class IntList {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index];
  }

  /** The values, as a view (valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Values grouped by dense integer keys (0, 1, 2…), collected as (key, value) pairs and grouped in one pass at the
 * end: each key's values in the order added, a value added twice to one key kept once.
 */
export class PairGroups {
  private readonly pairKeys = new IntList();
  private readonly pairValues = new IntList();

  add(key: number, value: number): void {
    this.pairKeys.push(key);
    this.pairValues.push(value);
  }

  /** Where each key's values start in `values` (keyCount + 1 entries), and the values. */
  grouped(keyCount: number): { start: Int32Array; values: Int32Array } {
    const pairKeys = this.pairKeys.view();
    const pairValues = this.pairValues.view();
    // Counting sort by key: stable, so each key keeps its values in the order they came.
    const start = new Int32Array(keyCount + 1);
    for (let p = 0; p < pairKeys.length; p++) start[pairKeys[p] + 1]++;
    for (let k = 0; k < keyCount; k++) start[k + 1] += start[k];
    const fill = start.slice(0, keyCount);
    const values = new Int32Array(pairKeys.length);
    for (let p = 0; p < pairKeys.length; p++) values[fill[pairKeys[p]]++] = pairValues[p];
    // Drop repeats within a key (the first kept), compacting in place: `out` never passes the reading position.
    const compactStart = new Int32Array(keyCount + 1);
    let out = 0;
    for (let k = 0; k < keyCount; k++) {
      const from = start[k];
      const to = start[k + 1];
      compactStart[k] = out;
      const seen = to - from > 16 ? new Set<number>() : null;
      for (let p = from; p < to; p++) {
        const value = values[p];
        let repeat = false;
        if (seen) repeat = seen.has(value) || (seen.add(value), false);
        else for (let q = compactStart[k]; q < out && !repeat; q++) repeat = values[q] === value;
        if (!repeat) values[out++] = value;
      }
    }
    compactStart[keyCount] = out;
    return { start: compactStart, values: values.slice(0, out) };
  }
}

/** The same, keyed by strings: keys in the order first seen. */
export class PostingLists {
  private readonly ids = new Map<string, number>();
  private readonly keyList: string[] = [];
  private readonly pairs = new PairGroups();

  get size(): number {
    return this.keyList.length;
  }

  add(key: string, value: number): void {
    this.pairs.add(this.idOf(key), value);
  }

  /** The key's number (given on first sight), to add values by number: addById is cheaper than add. */
  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keyList.length;
      this.ids.set(key, id);
      this.keyList.push(key);
    }
    return id;
  }

  addById(id: number, value: number): void {
    this.pairs.add(id, value);
  }

  grouped(): { keys: string[]; start: Int32Array; values: Int32Array } {
    return { keys: this.keyList, ...this.pairs.grouped(this.keyList.length) };
  }
}
