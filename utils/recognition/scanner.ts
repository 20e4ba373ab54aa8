import { KANJI_VARIANTS } from './data/kanji-variants';
import { canonicalRomaji } from './romaji';
import { foldCase } from './text';
import type { SectionReader, SectionWriter } from './codec';
import { IntList, PairGroups } from './int-list';
import type { PatternList } from './tables';

// Page-text scanner: one Aho–Corasick automaton over a stream of symbols, where a kanji or kana
// character is one symbol (Japanese names need no spaces) and a whole latin word is one symbol
// (Western names match on word boundaries only). The automaton lives in flat typed arrays so a
// 100,000-name directory stays small in memory and serialises without rebuilding.

const TOKEN_BASE = 0x10000;
const WORD_CACHE_LIMIT = 100_000;

const enum CharClass {
  Unknown = 0,
  Word = 1,
  Cjk = 2,
  Space = 3,
  Soft = 4, // - and . inside "Andersson-Reyes", "Sofia A. Reyes": neither a word nor a break
  Break = 5,
}

const charClass = new Uint8Array(0x10000);
const cjkFold = new Uint16Array(0x10000);
const CJK_TEST = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005\u30fb]/u;
const WORD_TEST = /[\p{L}\p{N}\p{M}'’]/u;
const SPACE_TEST = /\s/u;

for (let code = 0; code < 0x80; code++) charClass[code] = asciiClass(code);

function classify(code: number): CharClass {
  let cls = charClass[code] as CharClass;
  if (cls !== CharClass.Unknown) return cls;
  const ch = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) cls = CharClass.Break;
  else if (ch === '-' || ch === '.' || ch === '‐' || ch === '‑') cls = CharClass.Soft;
  else if (ch === '・' || ch === '･') cls = CharClass.Space;
  else if (CJK_TEST.test(ch.normalize('NFKC'))) {
    cls = CharClass.Cjk;
    cjkFold[code] = foldCjkChar(ch);
  } else if (WORD_TEST.test(ch)) cls = CharClass.Word;
  else if (SPACE_TEST.test(ch)) cls = CharClass.Space;
  else cls = CharClass.Break;
  charClass[code] = cls;
  return cls;
}

function foldCjkChar(ch: string): number {
  let folded = ch.normalize('NFKC');
  folded = KANJI_VARIANTS[folded] ?? folded;
  let code = folded.charCodeAt(0);
  if (code >= 0x30a1 && code <= 0x30f6) code -= 0x60;
  return code;
}

const astralFold = new Map<number, number>();

/** The scanner symbol of the astral kanji at `i` (its BMP variant, folded), or 0 when it has none. */
function astralCjkSymbol(text: string, i: number): number {
  const point = text.codePointAt(i) ?? 0;
  if (point < 0x10000) return 0;
  let symbol = astralFold.get(point);
  if (symbol === undefined) {
    let folded = String.fromCodePoint(point).normalize('NFKC');
    folded = KANJI_VARIANTS[folded] ?? folded;
    const code = folded.length === 1 ? folded.charCodeAt(0) : 0xd800;
    symbol = classify(code) === CharClass.Cjk ? cjkFold[code] : 0;
    if (astralFold.size < WORD_CACHE_LIMIT) astralFold.set(point, symbol);
  }
  return symbol;
}

/** Folds a name's characters the way the scanner folds page text, so patterns and text meet. */
export function cjkSymbols(compact: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < compact.length; i++) {
    const code = compact.charCodeAt(i);
    const cls = classify(code);
    if (cls === CharClass.Cjk) out.push(cjkFold[code]);
    else if (cls !== CharClass.Space) return [];
  }
  return out;
}

const wordCache = new Map<string, string>();
function foldWord(raw: string): string {
  let word = wordCache.get(raw);
  if (word !== undefined) return word;
  word = canonicalRomaji(foldCase(raw.normalize('NFKC')).replace(/['’]/g, ''));
  if (wordCache.size > 50_000) wordCache.clear();
  wordCache.set(raw, word);
  return word;
}

export class TextScanner {
  /** Root transitions for characters, looked up directly: most page text never leaves the root. */
  private readonly rootTable: Int32Array;
  /** Page words already folded → symbol (-1: not a name word). Page text repeats its words. */
  private readonly wordSymbols = new Map<string, number>();

  private constructor(
    /** Words of latin names → symbol (TOKEN_BASE + id). */
    private readonly vocabulary: Map<string, number>,
    private readonly edgeStart: Int32Array,
    private readonly edgeSymbol: Int32Array,
    private readonly edgeTarget: Int32Array,
    private readonly fail: Int32Array,
    /** Nearest node on the fail chain that ends a pattern (0: none). */
    private readonly outputLink: Int32Array,
    /** Pattern group ending at a node, +1 (0: none). */
    private readonly terminal: Int32Array,
    private readonly groupLength: Int32Array,
    private readonly groupSlotStart: Int32Array,
    private readonly groupSlots: Int32Array,
    private readonly maxLength: number,
  ) {
    this.rootTable = new Int32Array(0x10000).fill(-1);
    for (let e = edgeStart[0]; e < edgeStart[1]; e++) if (edgeSymbol[e] < 0x10000) this.rootTable[edgeSymbol[e]] = edgeTarget[e];
  }

  static tokenSymbol(vocabulary: Map<string, number>, token: string): number {
    let id = vocabulary.get(token);
    if (id === undefined) {
      id = TOKEN_BASE + vocabulary.size;
      vocabulary.set(token, id);
    }
    return id;
  }

  /** Builds the automaton; `vocabulary` maps latin name words to the symbols used in `patterns`. */
  static build(patterns: PatternList, vocabulary: Map<string, number>): TextScanner {
    const symbols = patterns.symbols.view();
    const start = patterns.start.view();
    const slots = patterns.slot.view();
    // The trie, node by node in the order patterns create them; transitions in a flat hash table.
    const transitions = new TransitionTable(symbols.length + 1);
    const parentOf = new IntList(symbols.length + 1);
    const symbolOf = new IntList(symbols.length + 1);
    parentOf.push(0);
    symbolOf.push(0);
    // Where a pattern ends: the group of spellings ending at that node (+1), and (group, slot) pairs.
    const groupOfNode = new IntList(symbols.length + 1);
    groupOfNode.push(0);
    const groupLengths = new IntList();
    const groupSlots = new PairGroups();
    let maxLength = 1;
    for (let p = 0; p < slots.length; p++) {
      const from = start[p];
      const to = start[p + 1];
      if (to === from) continue;
      let node = 0;
      for (let i = from; i < to; i++) {
        let next = transitions.get(node, symbols[i]);
        if (next < 0) {
          next = parentOf.length;
          parentOf.push(node);
          symbolOf.push(symbols[i]);
          groupOfNode.push(0);
          transitions.set(node, symbols[i], next);
        }
        node = next;
      }
      let group = groupOfNode.at(node) - 1;
      if (group < 0) {
        group = groupLengths.length;
        groupLengths.push(to - from);
        groupOfNode.view()[node] = group + 1;
      }
      groupSlots.add(group, slots[p]);
      maxLength = Math.max(maxLength, to - from);
    }
    const nodeCount = parentOf.length;
    const parents = parentOf.view();
    const symbolsOf = symbolOf.view();
    // Children of each node, contiguous and sorted by symbol (binary-searched while scanning).
    const edgeStart = new Int32Array(nodeCount + 1);
    for (let node = 1; node < nodeCount; node++) edgeStart[parents[node] + 1]++;
    for (let node = 0; node < nodeCount; node++) edgeStart[node + 1] += edgeStart[node];
    const fill = edgeStart.slice(0, nodeCount);
    const edgeTarget = new Int32Array(Math.max(0, nodeCount - 1));
    for (let node = 1; node < nodeCount; node++) edgeTarget[fill[parents[node]]++] = node;
    const edgeSymbol = new Int32Array(edgeTarget.length);
    for (let node = 0; node < nodeCount; node++) {
      const from = edgeStart[node];
      const to = edgeStart[node + 1];
      if (to - from > 1) edgeTarget.subarray(from, to).sort((a, b) => symbolsOf[a] - symbolsOf[b]);
      for (let e = from; e < to; e++) edgeSymbol[e] = symbolsOf[edgeTarget[e]];
    }
    const terminal = groupOfNode.view().slice();
    const grouped = groupSlots.grouped(groupLengths.length);
    const scanner = new TextScanner(
      vocabulary,
      edgeStart,
      edgeSymbol,
      edgeTarget,
      new Int32Array(nodeCount),
      new Int32Array(nodeCount),
      terminal,
      groupLengths.view().slice(),
      grouped.start,
      grouped.values,
      maxLength,
    );
    scanner.linkFailures();
    return scanner;
  }

  private child(node: number, symbol: number): number {
    let lo = this.edgeStart[node];
    let hi = this.edgeStart[node + 1] - 1;
    const symbols = this.edgeSymbol;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = symbols[mid];
      if (s === symbol) return this.edgeTarget[mid];
      if (s < symbol) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Breadth-first failure and output links: the standard Aho–Corasick construction. */
  private linkFailures(): void {
    const queue = new Int32Array(this.fail.length);
    let head = 0;
    let tail = 0;
    for (let e = this.edgeStart[0]; e < this.edgeStart[1]; e++) queue[tail++] = this.edgeTarget[e];
    while (head < tail) {
      const node = queue[head++];
      for (let e = this.edgeStart[node]; e < this.edgeStart[node + 1]; e++) {
        const next = this.edgeTarget[e];
        const symbol = this.edgeSymbol[e];
        let f = this.fail[node];
        let target = this.child(f, symbol);
        while (target < 0 && f !== 0) {
          f = this.fail[f];
          target = this.child(f, symbol);
        }
        const failTo = target >= 0 && target !== next ? target : 0;
        this.fail[next] = failTo;
        this.outputLink[next] = this.terminal[failTo] ? failTo : this.outputLink[failTo];
        queue[tail++] = next;
      }
    }
  }

  private step(state: number, symbol: number): number {
    if (state === 0 && symbol < 0x10000) {
      const next = this.rootTable[symbol];
      return next < 0 ? 0 : next;
    }
    for (;;) {
      const next = this.child(state, symbol);
      if (next >= 0) return next;
      if (state === 0) return 0;
      state = this.fail[state];
    }
  }

  /**
   * Calls `onHit(start, end, group)` for every pattern occurrence, in one pass over the text. A
   * group is one spelling shared by one or more alumni (see `forEachSlot`).
   */
  scan(text: string, onHit: (start: number, end: number, group: number) => void): void {
    let ringSize = 2;
    while (ringSize <= this.maxLength) ringSize *= 2;
    const ringMask = ringSize - 1;
    // Start offsets of the last symbols, to turn a pattern's length in symbols into a text span.
    const starts = new Int32Array(ringSize);
    const root = this.rootTable;
    let count = 0;
    let state = 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      let cls = charClass[code] as CharClass;
      if (cls === CharClass.Unknown) cls = classify(code);
      // A kanji outside the BMP (𠮷 in 𠮷田) is a surrogate pair; it counts when it folds to a BMP kanji.
      const astral = cls === CharClass.Break && code >= 0xd800 && code <= 0xdbff ? astralCjkSymbol(text, i) : 0;
      if (cls === CharClass.Cjk || astral !== 0) {
        const symbol = astral || cjkFold[code];
        if (state === 0) {
          const next = root[symbol];
          state = next < 0 ? 0 : next;
        } else state = this.step(state, symbol);
        starts[count & ringMask] = i;
        count++;
        i += astral ? 2 : 1;
        if (state !== 0) this.emit(state, count, starts, ringMask, i, onHit);
      } else if (cls === CharClass.Word) {
        const begin = i;
        let ascii = code < 0x80;
        while (++i < n) {
          const c = text.charCodeAt(i);
          let k = charClass[c] as CharClass;
          if (k === CharClass.Unknown) k = classify(c);
          if (k !== CharClass.Word) break;
          if (c >= 0x80) ascii = false;
        }
        let end = i;
        let symbol = this.wordSymbol(text.slice(begin, end), ascii);
        // "Isabel García's team": the possessive is not part of the name, nor of the highlight.
        if (symbol < 0 && end - begin > 2 && isPossessive(text, end)) {
          end -= 2;
          symbol = this.wordSymbol(text.slice(begin, end), ascii);
        }
        if (symbol < 0) {
          state = 0;
          continue;
        }
        state = this.step(state, symbol);
        starts[count & ringMask] = begin;
        count++;
        if (state !== 0) this.emit(state, count, starts, ringMask, end, onHit);
        if (end !== i) state = 0; // a possessive ends whatever name it closes
      } else {
        if (cls === CharClass.Break) state = 0;
        i++;
      }
    }
  }

  /** Every pattern ending at `state` (itself or along its output links). */
  private emit(state: number, count: number, starts: Int32Array, ringMask: number, end: number, onHit: (start: number, end: number, group: number) => void): void {
    for (let node = this.terminal[state] ? state : this.outputLink[state]; node; node = this.outputLink[node]) {
      const group = this.terminal[node] - 1;
      onHit(starts[(count - this.groupLength[group]) & ringMask], end, group);
    }
  }

  /** The directory slots of the alumni a pattern group stands for. */
  forEachSlot(group: number, visit: (slot: number) => void): void {
    for (let k = this.groupSlotStart[group]; k < this.groupSlotStart[group + 1]; k++) visit(this.groupSlots[k]);
  }

  private wordSymbol(raw: string, ascii: boolean): number {
    let symbol = this.wordSymbols.get(raw);
    if (symbol !== undefined) return symbol;
    symbol = this.vocabulary.get(ascii && !raw.includes("'") ? canonicalRomaji(raw.toLowerCase()) : foldWord(raw)) ?? -1;
    if (this.wordSymbols.size >= WORD_CACHE_LIMIT) this.wordSymbols.clear();
    this.wordSymbols.set(raw, symbol);
    return symbol;
  }

  write(out: SectionWriter, prefix: string): void {
    out.text(`${prefix}.vocabulary`, [...this.vocabulary.keys()].join('\n'));
    out.ints(`${prefix}.edgeStart`, this.edgeStart, true);
    out.ints(`${prefix}.edgeSymbol`, this.edgeSymbol);
    out.ints(`${prefix}.edgeTarget`, this.edgeTarget);
    out.ints(`${prefix}.fail`, this.fail);
    out.ints(`${prefix}.outputLink`, this.outputLink);
    out.ints(`${prefix}.terminal`, this.terminal);
    out.ints(`${prefix}.groupLength`, this.groupLength);
    out.ints(`${prefix}.groupSlotStart`, this.groupSlotStart, true);
    out.ints(`${prefix}.groupSlots`, this.groupSlots);
    out.ints(`${prefix}.maxLength`, [this.maxLength]);
  }

  static read(input: SectionReader, prefix: string): TextScanner {
    const words = input.text(`${prefix}.vocabulary`);
    const vocabulary = new Map<string, number>();
    if (words) words.split('\n').forEach((word, id) => vocabulary.set(word, TOKEN_BASE + id));
    const ints = (name: string) => input.ints(`${prefix}.${name}`);
    return new TextScanner(
      vocabulary,
      ints('edgeStart'),
      ints('edgeSymbol'),
      ints('edgeTarget'),
      ints('fail'),
      ints('outputLink'),
      ints('terminal'),
      ints('groupLength'),
      ints('groupSlotStart'),
      ints('groupSlots'),
      ints('maxLength')[0] || 1,
    );
  }
}

/** The word before `end` ends in "'s" or "’s". */
function isPossessive(text: string, end: number): boolean {
  const s = text.charCodeAt(end - 1);
  const apostrophe = text.charCodeAt(end - 2);
  return (s === 115 || s === 83) && (apostrophe === 39 || apostrophe === 0x2019);
}

function asciiClass(code: number): CharClass {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 39) return CharClass.Word;
  if (code === 32 || code === 9 || code === 10 || code === 13) return CharClass.Space;
  if (code === 45 || code === 46) return CharClass.Soft;
  return CharClass.Break;
}

/** (node, symbol) → child node, open addressing over typed arrays: no per-edge objects, no number boxing. */
class TransitionTable {
  private readonly nodes: Int32Array;
  private readonly symbols: Int32Array;
  private readonly targets: Int32Array;
  private readonly mask: number;

  constructor(maxEdges: number) {
    let capacity = 16;
    while (capacity < maxEdges * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.nodes = new Int32Array(capacity).fill(-1);
    this.symbols = new Int32Array(capacity);
    this.targets = new Int32Array(capacity);
  }

  private slot(node: number, symbol: number): number {
    let b = (Math.imul(node, 0x9e3779b1) ^ Math.imul(symbol, 0x85ebca6b)) & this.mask;
    while (this.nodes[b] !== -1 && (this.nodes[b] !== node || this.symbols[b] !== symbol)) b = (b + 1) & this.mask;
    return b;
  }

  get(node: number, symbol: number): number {
    const b = this.slot(node, symbol);
    return this.nodes[b] === -1 ? -1 : this.targets[b];
  }

  set(node: number, symbol: number, target: number): void {
    const b = this.slot(node, symbol);
    this.nodes[b] = node;
    this.symbols[b] = symbol;
    this.targets[b] = target;
  }
}
