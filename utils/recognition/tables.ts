import type { SectionReader, SectionWriter } from './codec';
import { FrozenTable } from './frozen-table';
import { nameKeys, parseName, transliteratedName } from './names';
import { TextScanner, cjkSymbols, type ScannerPattern } from './scanner';
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

/** Name keys, URLs, name words and scanner patterns of some rows: what the tables are built from. */
export class TableSources {
  readonly names = new Map<string, number[]>();
  readonly urls = new Map<string, number[]>();
  /** Name words to search for typos: each spelling → the romaji-respelled word in the name keys. */
  readonly words = new Map<string, string>();
  readonly patterns: ScannerPattern[] = [];
  readonly vocabulary = new Map<string, number>();

  add(row: Row, slot: number): void {
    const push = (map: Map<string, number[]>, key: string, value: number) => {
      const list = map.get(key);
      if (!list) map.set(key, [value]);
      else if (!list.includes(value)) list.push(value);
    };
    const withVariants = (names: string[]) => names.flatMap((n) => [n, transliteratedName(n) ?? []].flat());
    const named = [...withVariants(row.names).map((n) => [n, false] as const), ...withVariants(row.former).map((n) => [n, true] as const)];
    for (const [name, former] of named) {
      if (KANA_ONLY.test(name)) this.addPattern(cjkSymbols(name), slot);
      for (const form of parseName(name)) {
        for (const { key, kind } of nameKeys(form)) push(this.names, key, posting(slot, (kind === 'partial' ? PARTIAL : 0) | (former ? FORMER : 0)));
        if (form.cjk) this.addPattern(cjkSymbols(form.tokens.join('')), slot);
        else {
          form.tokens.forEach((token, i) => {
            this.words.set(token, token);
            const surface = form.surface?.[i];
            if (surface && !this.words.has(surface)) this.words.set(surface, token);
          });
          if (form.tokens.length >= 2) {
            const ids = form.tokens.map((t) => TextScanner.tokenSymbol(this.vocabulary, t));
            this.addPattern(ids, slot);
            if (ids.length === 2) this.addPattern([ids[1], ids[0]], slot);
          }
        }
      }
    }
    for (const url of row.urls) push(this.urls, url, slot);
  }

  private addPattern(symbols: number[], slot: number): void {
    if (symbols.length >= 2) this.patterns.push({ symbols, slot });
  }
}

/** Frozen tables over slots [0, count). */
export interface Tables {
  count: number;
  names: FrozenTable;
  urls: FrozenTable;
  typos: TypoIndex;
  scanner: TextScanner;
}

export function freeze(sources: TableSources, count: number): Tables {
  return {
    count,
    names: FrozenTable.from(sources.names),
    urls: FrozenTable.from(sources.urls),
    typos: TypoIndex.build(sources.words),
    scanner: TextScanner.build(sources.patterns, sources.vocabulary),
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
