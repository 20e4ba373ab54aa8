import { nameKeys, namesCompatible, nicknameAlternatives, parseName, transliteratedName, type NameForm } from './names';
import type { RowStore } from './row-store';
import { QUALITY_RANK, type Candidate, type NameQuality } from './scoring';
import { FORMER, PARTIAL, postingSlot, type Tables } from './tables';

const NAME_FORM_CACHE = 5_000;

/**
 * Finds the alumni a page's name can be, trying the cheaper readings first: the name's keys,
 * then a short or full form of the given name, then one word one edit away.
 */
export class NameLookup {
  /** Parsed names of alumni met through shortened keys, so a row is parsed once, not once per key. */
  private readonly nameFormsBySlot = new Map<number, NameForm[]>();

  /** `rows` is read on each lookup: the index replaces its store when it rebuilds. */
  constructor(private readonly rows: () => RowStore) {}

  /** After the directory changed: slots may now hold other alumni. */
  forget(): void {
    this.nameFormsBySlot.clear();
  }

  find(forms: NameForm[], candidates: Map<number, Candidate>, tables: Tables[]): void {
    if (!this.lookupNames(forms, candidates, tables) && !this.lookupNicknames(forms, candidates, tables)) this.lookupTypos(forms, candidates, tables);
  }

  private consider(candidates: Map<number, Candidate>, slot: number, quality: NameQuality): void {
    const row = this.rows().get(slot);
    if (!row) return;
    const existing = candidates.get(slot);
    if (existing?.quality && QUALITY_RANK[existing.quality] >= QUALITY_RANK[quality]) return;
    const matchedName = quality === 'former' ? (row.former[0] ?? row.display) : row.display;
    candidates.set(slot, { slot, urlMatch: existing?.urlMatch ?? false, quality, matchedName });
  }

  private lookupNames(forms: NameForm[], candidates: Map<number, Candidate>, tables: Tables[]): boolean {
    let found = false;
    for (const form of forms) {
      const fits = new Map<number, boolean>();
      const fitsShortened = (slot: number) => fits.get(slot) ?? fits.set(slot, this.fitsShortened(form, slot)).get(slot)!;
      for (const { key, kind } of nameKeys(form))
        for (const table of tables)
          table.names.forEach(key, (p) => {
            const flags = p & 3;
            // Both sides shortened: the words each left out may be different surnames.
            if (kind === 'partial' && flags & PARTIAL && !fitsShortened(postingSlot(p))) return;
            const partial = kind === 'partial' || (flags & PARTIAL) !== 0;
            this.consider(candidates, postingSlot(p), partial ? 'partial' : flags & FORMER ? 'former' : 'exact');
            found = true;
          });
    }
    return found;
  }

  /** Whether one of the alumnus's names can be the page's name with other words left out or changed in the middle. */
  private fitsShortened(form: NameForm, slot: number): boolean {
    let own = this.nameFormsBySlot.get(slot);
    if (!own) {
      const row = this.rows().get(slot);
      if (!row) return false;
      own = [...row.names, ...row.former].flatMap((name) => [name, transliteratedName(name) ?? []].flat()).flatMap(parseName);
      if (this.nameFormsBySlot.size >= NAME_FORM_CACHE) this.nameFormsBySlot.clear();
      this.nameFormsBySlot.set(slot, own);
    }
    return own.some((candidate) => namesCompatible(form, candidate));
  }

  /** A short or full form of the given name ("Mike" for Michael), the other words exact. */
  private lookupNicknames(forms: NameForm[], candidates: Map<number, Candidate>, tables: Tables[]): boolean {
    let found = false;
    for (const form of forms) {
      if (form.cjk || form.tokens.length < 2) continue;
      // Given name first ("Mike O'Connor") or last ("O'Connor Mike", "O'Connor, Mike").
      for (const i of [0, form.tokens.length - 1])
        for (const alternative of nicknameAlternatives(form.tokens[i])) {
          const tokens = form.tokens.slice();
          tokens[i] = alternative;
          for (const { key } of nameKeys({ tokens, cjk: false }))
            for (const table of tables)
              table.names.forEach(key, (p) => {
                if (p & PARTIAL) return;
                this.consider(candidates, postingSlot(p), 'nickname');
                found = true;
              });
        }
    }
    return found;
  }

  /** One word of the name one edit away from a directory word, the other words exact. */
  private lookupTypos(forms: NameForm[], candidates: Map<number, Candidate>, tables: Tables[]): void {
    for (const form of forms) {
      if (form.cjk || form.tokens.length < 2) continue;
      for (let i = 0; i < form.tokens.length; i++)
        for (const near of new Set(tables.flatMap((t) => [...t.typos.near(form.tokens[i]), ...t.typos.near(form.surface?.[i] ?? '')]))) {
          const tokens = form.tokens.slice();
          tokens[i] = near;
          for (const { key } of nameKeys({ tokens, cjk: false }))
            for (const table of tables)
              table.names.forEach(key, (p) => {
                if (!(p & PARTIAL)) this.consider(candidates, postingSlot(p), 'typo');
              });
        }
    }
  }
}
