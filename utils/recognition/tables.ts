import type { SectionReader, SectionWriter } from './codec';
import { FrozenTable } from './frozen-table';
import { IntList, PostingLists } from './int-list';
import { nameKeys, parseName, transliteratedName, type NameForm } from './names';
import { TextScanner, cjkSymbols } from './scanner';
import type { Row } from './store';
import { TypoIndex } from './typos';

// The lookup tables over a range of directory slots: name keys, profile URLs, name words for
// typo search, and the page-text scanner. Collected per row, then frozen into flat arrays.

const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}\u30fc\s・]+$/u;

// A name-table posting packs the slot with how the key was made: bit 0 = first + last only
// (a middle name left out), bit 1 = a former name.
export const PARTIAL = 1;
export const FORMER = 2;
export const postingSlot = (posting: number) => Math.floor(posting / 4);
const posting = (slot: number, flags: number) => slot * 4 + flags;

/** Scanner patterns, flat: pattern p is symbols[start[p] .. start[p + 1]), for directory slot slot[p]. */
export class PatternList {
  readonly symbols = new IntList(4096);
  readonly start = new IntList(1024);
  readonly slot = new IntList(1024);

  constructor() {
    this.start.push(0);
  }

  get length(): number {
    return this.slot.length;
  }

  add(symbols: ArrayLike<number>, slot: number): void {
    for (let i = 0; i < symbols.length; i++) this.symbols.push(symbols[i]);
    this.start.push(this.symbols.length);
    this.slot.push(slot);
  }
}

/**
 * Name keys, URLs, name words and scanner patterns of some rows: what the tables are built from. Collected
 * flat (see int-list.ts); `parse` may be a memo shared with rowFromAlumnus, so each name is parsed once a build.
 */
export class TableSources {
  readonly names = new PostingLists();
  readonly urls = new PostingLists();
  /** Name words to search for typos: each spelling → the romaji-respelled word in the name keys. */
  readonly words = new Map<string, string>();
  readonly patterns = new PatternList();
  readonly vocabulary = new Map<string, number>();

  /** What each distinct name contributes, worked out once: a directory repeats names many times. */
  private readonly entries = new Map<string, NameEntry>();

  constructor(private readonly parse: (name: string) => NameForm[] = parseName) {}

  add(row: Row, slot: number): void {
    // Each name, then its German/Nordic spelling if it has one (Müller → Mueller); current names before former.
    for (const name of row.names) this.addName(name, slot, 0);
    for (const name of row.former) this.addName(name, slot, FORMER);
    for (const url of row.urls) this.urls.add(url, slot);
  }

  private addName(name: string, slot: number, former: number): void {
    const entry = this.entry(name);
    this.addEntry(entry, slot, former);
    if (entry.variant) this.addEntry(entry.variant, slot, former);
  }

  private addEntry(entry: NameEntry, slot: number, former: number): void {
    for (let k = 0; k < entry.keys.length; k++) this.names.addById(entry.keys[k], posting(slot, entry.flags[k] | former));
    for (const symbols of entry.patterns) this.patterns.add(symbols, slot);
  }

  /** The name's keys (numbered), their flags, and its scanner patterns; its words go into `words` on first sight. */
  private entry(name: string): NameEntry {
    const known = this.entries.get(name);
    if (known) return known;
    const entry: NameEntry = { keys: [], flags: [], patterns: [], variant: null };
    const pattern = (symbols: number[]) => symbols.length >= 2 && entry.patterns.push(symbols);
    if (KANA_ONLY.test(name)) pattern(cjkSymbols(name));
    for (const form of this.parse(name)) {
      for (const { key, kind } of nameKeys(form)) {
        entry.keys.push(this.names.idOf(key));
        entry.flags.push(kind === 'partial' ? PARTIAL : 0);
      }
      if (form.cjk) pattern(cjkSymbols(form.tokens.join('')));
      else {
        form.tokens.forEach((token, i) => {
          this.words.set(token, token);
          const surface = form.surface?.[i];
          if (surface && !this.words.has(surface)) this.words.set(surface, token);
        });
        if (form.tokens.length >= 2) {
          const ids = form.tokens.map((t) => TextScanner.tokenSymbol(this.vocabulary, t));
          pattern(ids);
          if (ids.length === 2) pattern([ids[1], ids[0]]);
        }
      }
    }
    this.entries.set(name, entry);
    const variant = transliteratedName(name);
    if (variant) entry.variant = this.entry(variant);
    return entry;
  }
}

interface NameEntry {
  /** Numbers of the name-table keys (PostingLists.idOf) and each key's PARTIAL flag. */
  keys: number[];
  flags: number[];
  patterns: number[][];
  /** The German/Nordic spelling's entry (Müller → Mueller), if the name has one. */
  variant: NameEntry | null;
}

/** Frozen tables over slots [0, count). */
export interface Tables {
  count: number;
  names: FrozenTable;
  urls: FrozenTable;
  typos: TypoIndex;
  scanner: TextScanner;
}

/**
 * Freezes the sources into tables. The page-text scanner, which only organisation websites use, is built on
 * first use (or when the index is saved), so matching people can start without waiting for it.
 */
export function freeze(sources: TableSources, count: number): Tables {
  const names = sources.names.grouped();
  const urls = sources.urls.grouped();
  const { patterns, vocabulary } = sources;
  let scanner: TextScanner | null = null;
  return {
    count,
    names: FrozenTable.fromGroups(names.keys, names.start, names.values),
    urls: FrozenTable.fromGroups(urls.keys, urls.start, urls.values),
    typos: TypoIndex.build(sources.words),
    get scanner() {
      scanner ??= TextScanner.build(patterns, vocabulary);
      return scanner;
    },
  };
}

export function writeTables(tables: Tables, out: SectionWriter): void {
  tables.names.write(out, 'names');
  tables.urls.write(out, 'urls');
  tables.typos.write(out, 'typos');
  tables.scanner.write(out, 'scanner');
}

export function readTables(input: SectionReader, count: number): Tables {
  return {
    count,
    names: FrozenTable.read(input, 'names'),
    urls: FrozenTable.read(input, 'urls'),
    typos: TypoIndex.read(input, 'typos'),
    scanner: TextScanner.read(input, 'scanner'),
  };
}
