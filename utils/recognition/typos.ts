// Spelling slips in one name word ("Andersen" for "Andersson" is two; "Jhon" for "John" is one):
// a symmetric-deletion index over the directory's name words finds every word one edit away
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
  private readonly byDeletion = new Map<string, string[]>();
  private readonly words: Set<string>;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const word of this.words) {
      if (word.length < MIN_TYPO_WORD) continue;
      for (const deleted of deletions(word)) {
        const list = this.byDeletion.get(deleted);
        if (list) list.push(word);
        else this.byDeletion.set(deleted, [word]);
      }
    }
  }

  /** Directory words one edit away from `word` (not the word itself). */
  near(word: string): string[] {
    if (word.length < MIN_TYPO_WORD) return [];
    const found = new Set<string>();
    const consider = (candidate: string) => {
      if (candidate !== word && withinOneEdit(candidate, word)) found.add(candidate);
    };
    for (const w of this.byDeletion.get(word) ?? []) consider(w);
    for (const deleted of deletions(word)) {
      if (this.words.has(deleted)) consider(deleted);
      for (const w of this.byDeletion.get(deleted) ?? []) consider(w);
    }
    return [...found];
  }
}
