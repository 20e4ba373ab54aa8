import type { SectionReader, SectionWriter } from './codec';
import { FrozenTable } from './frozen-table';

// Spelling slips in one name word ("Jhon" for "John", "Andersen" for "Andersen"): a
// symmetric-deletion index over the directory's name words finds every word one edit away
// without comparing against all of them.

export const MIN_TYPO_WORD = 4;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export class TypoIndex {
  private constructor(
    private readonly words: string[],
    /** The name word each entry of `words` stands for (a surface spelling maps to its romaji respelling). */
    private readonly targets: string[],
    /** A word, and each word with one letter deleted → indexes into `words`. */
    private readonly table: FrozenTable,
  ) {}

  /** `words` maps each spelling to search by to the name word it stands for. */
  static build(words: ReadonlyMap<string, string>): TypoIndex {
    const list = [...words.keys()].filter((w) => w.length >= MIN_TYPO_WORD - 1);
    const byKey = new Map<string, number[]>();
    const add = (key: string, index: number) => {
      const entry = byKey.get(key);
      if (!entry) byKey.set(key, [index]);
      else if (entry[entry.length - 1] !== index) entry.push(index);
    };
    list.forEach((word, index) => {
      add(word, index);
      if (word.length >= MIN_TYPO_WORD) for (const deleted of deletions(word)) add(deleted, index);
    });
    return new TypoIndex(list, list.map((w) => words.get(w)!), FrozenTable.from(byKey));
  }

  /** Directory words one edit away from `word` (not the word itself). */
  near(word: string): string[] {
    if (word.length < MIN_TYPO_WORD - 1) return [];
    const found = new Set<string>();
    const consider = (index: number) => {
      const candidate = this.words[index];
      if (candidate !== word && withinOneEdit(candidate, word)) found.add(this.targets[index]);
    };
    this.table.forEach(word, consider);
    if (word.length >= MIN_TYPO_WORD) for (const deleted of deletions(word)) this.table.forEach(deleted, consider);
    return [...found];
  }

  write(out: SectionWriter, prefix: string): void {
    out.text(`${prefix}.words`, this.words.join('\n'));
    out.text(`${prefix}.targets`, this.targets.join('\n'));
    this.table.write(out, `${prefix}.table`);
  }

  static read(input: SectionReader, prefix: string): TypoIndex {
    const split = (text: string) => (text ? text.split('\n') : []);
    return new TypoIndex(split(input.text(`${prefix}.words`)), split(input.text(`${prefix}.targets`)), FrozenTable.read(input, `${prefix}.table`));
  }
}
