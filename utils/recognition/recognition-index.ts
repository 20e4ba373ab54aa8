import type { Alumnus, Organization, RecognitionFields } from '../api';
import type { OrganizationSignal, PageSignals, PersonSignal } from '../signals/schema';
import { SectionReader, SectionWriter } from './codec';
import { memoisedParseName, nameKeys, namesCompatible, nicknameAlternatives, parseName, transliteratedName, type NameForm } from './names';
import { OrganizationBook } from './organization-book';
import { CompanyMatcher, organizationKeys } from './organizations';
import { recognisePage } from './page';
import { canonicalProfileUrl } from './profile-url';
import { RowStore } from './row-store';
import { QUALITY_RANK, explain, judge, pickBest, readPage, type Candidate, type ListedAt, type NameQuality } from './scoring';
import { rowFromAlumnus, type Row } from './store';
import { FORMER, PARTIAL, TableSources, freeze, postingSlot, readTables, writeTables, type Tables } from './tables';
import type { CompanyNames, MatchResult, PagePersonMatch, PersonContext, RankedMatch, RecognitionIndex, ScanHit } from './types';

/** The serialised form's format; a stored or received index in another is rebuilt from the records. */
export const INDEX_FORMAT = 'alumni-lens-recognition/3';
const FORMAT = INDEX_FORMAT;
const MAX_ALT_NAMES = 20;
const NAME_FORM_CACHE = 5_000;
/** Changes since the last full build, as a share of the directory, beyond which serialize() rebuilds. */
const REBUILD_SHARE = 0.1;

/**
 * The directory index. Alumni live in slots. Slots below `base.count` are covered by frozen,
 * serialisable tables; alumni added later (delta sync) go to a small overlay whose tables are
 * rebuilt on demand, and removed alumni are tombstoned. serialize() folds everything back into
 * fresh tables once the overlay grows past a tenth of the directory, or as soon as someone left.
 */
export class DirectoryIndex implements RecognitionIndex {
  private rows = RowStore.empty();
  private base: Tables = freeze(new TableSources(), 0);
  private overlay = new TableSources();
  private overlayTables: Tables | null = null;
  private slotById: Map<string, number> | null = null;
  private changes = 0;
  /** A removal from the frozen tables, whose keys still hold the name until they are rebuilt. */
  private withdrawnFromBase = false;
  private organizations = new OrganizationBook([]);
  private alumniByOrg: Map<string, string[]> | null = null;
  private companyCache: { key: string; matcher: CompanyMatcher } | null = null;
  /** Parsed names of alumni met through shortened keys, so a row is parsed once, not once per key. */
  private readonly nameFormsBySlot = new Map<number, NameForm[]>();

  static build(alumni: readonly RecognitionFields[], organizations: readonly Organization[]): DirectoryIndex {
    const index = new DirectoryIndex();
    // Each distinct name is parsed once in a build, for its row and for its keys.
    const parse = memoisedParseName();
    index.rebuild(alumni.filter(recognisable).map((alumnus) => rowFromAlumnus(alumnus, parse)), parse);
    index.setOrganizations(organizations);
    return index;
  }

  private rebuild(rows: Row[], parse = memoisedParseName()): void {
    const seen = new Set<string>();
    const unique = rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
    this.rows = RowStore.empty();
    const sources = new TableSources(parse);
    for (const row of unique) sources.add(row, this.rows.add(row));
    this.base = freeze(sources, this.rows.length);
    this.overlay = new TableSources();
    this.overlayTables = null;
    this.slotById = null;
    this.changes = 0;
    this.withdrawnFromBase = false;
    this.forgetDerived();
  }

  private forgetDerived(): void {
    this.alumniByOrg = null;
    this.nameFormsBySlot.clear();
  }

  get size(): number {
    return this.rows.live;
  }

  /** Slot by alumnus id; made on the first directory change, not on load. */
  private ids(): Map<string, number> {
    this.slotById ??= new Map(this.rows.ids());
    return this.slotById;
  }

  has(alumnusId: string): boolean {
    return this.ids().has(alumnusId);
  }

  // ——— directory changes ———

  upsert(alumnus: Alumnus): void {
    const id = alumnus?.id;
    // Alumni who have not consented to recognition are never recognised, whatever the source.
    if (!recognisable(alumnus)) {
      this.remove(id);
      return;
    }
    this.tombstone(alumnus.id);
    const row = rowFromAlumnus(alumnus);
    const slot = this.rows.add(row);
    this.ids().set(row.id, slot);
    this.overlay.add(row, slot);
    this.overlayTables = null;
    this.changes++;
    this.forgetDerived();
  }

  /** Deleted from the directory, or consent withdrawn: nothing of them may stay in the serialised index. */
  remove(alumnusId: string): void {
    const slot = this.tombstone(alumnusId);
    if (slot !== undefined && slot < this.base.count) this.withdrawnFromBase = true;
  }

  private tombstone(alumnusId: string): number | undefined {
    const slot = this.ids().get(alumnusId);
    if (slot === undefined) return undefined;
    this.rows.remove(slot);
    this.ids().delete(alumnusId);
    this.changes++;
    this.forgetDerived();
    return slot;
  }

  setOrganizations(organizations: readonly Organization[]): void {
    this.organizations = new OrganizationBook(organizations);
    this.forgetDerived();
  }

  // ——— matching ———

  private overlayFrozen(): Tables {
    this.overlayTables ??= freeze(this.overlay, this.rows.length);
    return this.overlayTables;
  }

  private tables(): Tables[] {
    return this.overlay.patterns.length || this.overlay.names.size || this.overlay.urls.size ? [this.base, this.overlayFrozen()] : [this.base];
  }

  matchPerson(signal: PersonSignal, company: CompanyNames, context: PersonContext = {}): MatchResult | null {
    return this.rankPerson(signal, company, context)?.result ?? null;
  }

  matchPage(signals: PageSignals, company: CompanyNames): PagePersonMatch[] {
    if (!signals || !Array.isArray(signals.people)) return [];
    return recognisePage(signals, (signal, context) => this.rankPerson(signal, company, context));
  }

  private rankPerson(signal: PersonSignal, company: CompanyNames, context: PersonContext): RankedMatch | null {
    if (!signal || typeof signal !== 'object') return null;
    const tables = this.tables();
    const pageUrl = canonicalProfileUrl(signal.profileUrl);
    const candidates = new Map<number, Candidate>();
    if (pageUrl)
      for (const table of tables)
        table.urls.forEach(pageUrl, (slot) => {
          if (this.rows.isLive(slot)) candidates.set(slot, { slot, urlMatch: true, quality: null, matchedName: '' });
        });
    const forms: NameForm[] = [];
    for (const name of [signal.name, ...(Array.isArray(signal.altNames) ? signal.altNames.slice(0, MAX_ALT_NAMES) : [])])
      forms.push(...parseName(name));
    if (!this.lookupNames(forms, candidates, tables) && !this.lookupNicknames(forms, candidates, tables)) this.lookupTypos(forms, candidates, tables);
    if (candidates.size === 0) return null;
    const page = readPage(signal, this.companyMatcher(company), String(company?.name ?? ''), pageUrl, this.listedAt(context));
    const employerKeys = (row: Row) => this.organizations.employerKeys(row);
    const judgements = [...candidates.values()].map((c) => judge(c, this.rows.get(c.slot)!, page, employerKeys));
    const best = pickBest(judgements);
    if (!best) return null;
    const row = this.rows.get(best.candidate.slot)!;
    return {
      result: { alumnusId: row.id, confidence: best.confidence, evidence: explain(best, row, page) },
      display: row.display,
      strength: best.strength,
      namesakes: best.namesakes.map((j) => this.rows.idOf(j.candidate.slot)),
    };
  }

  /** The organisation that lists the person, with its names and, when the directory knows it, its record. */
  private listedAt(context: PersonContext): ListedAt | null {
    const listing = context?.listedAt;
    if (!listing?.organization?.name) return null;
    const organizationId = this.organizations.match(listing.organization);
    const record = organizationId ? this.organizations.get(organizationId) : undefined;
    const keys = new Set(organizationKeys(listing.organization.name));
    for (const name of record ? [record.name, ...record.aliases] : []) for (const key of organizationKeys(name)) keys.add(key);
    return { organization: listing.organization.name.slice(0, 300), page: listing.page, organizationId, keys };
  }

  private consider(candidates: Map<number, Candidate>, slot: number, quality: NameQuality): void {
    const row = this.rows.get(slot);
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
      const row = this.rows.get(slot);
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

  private companyMatcher(company: CompanyNames): CompanyMatcher {
    const names = [company?.name, ...(Array.isArray(company?.aliases) ? company.aliases : [])].filter((n): n is string => typeof n === 'string');
    const key = names.join('\u0000');
    if (this.companyCache?.key !== key) this.companyCache = { key, matcher: new CompanyMatcher(names) };
    return this.companyCache.matcher;
  }

  matchOrganization(signal: OrganizationSignal): string | null {
    return this.organizations.match(signal);
  }

  alumniAt(organizationId: string): string[] {
    if (!this.alumniByOrg) {
      const byOrg = new Map<string, string[]>();
      for (const [, row] of this.rows.entries()) {
        const orgId = row.employerOrgId || (row.employer ? this.organizations.forName(row.employer)?.id : undefined);
        if (!orgId) continue;
        const list = byOrg.get(orgId);
        if (list) list.push(row.id);
        else byOrg.set(orgId, [row.id]);
      }
      this.alumniByOrg = byOrg;
    }
    return (this.alumniByOrg.get(organizationId) ?? []).slice();
  }

  // ——— page text ———

  scanText(text: string): ScanHit[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const found: Array<{ start: number; end: number; slots: number[] }> = [];
    for (const table of this.tables())
      table.scanner.scan(text, (start, end, group) => {
        const slots: number[] = [];
        table.scanner.forEachSlot(group, (slot) => {
          if (this.rows.isLive(slot)) slots.push(slot);
        });
        if (slots.length) found.push({ start, end, slots });
      });
    // Longest name wins where names overlap ("山田太郎" over "山田太"); a span several alumni share keeps them all.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: ScanHit[] = [];
    let coveredUntil = -1;
    let last: { start: number; end: number } | null = null;
    let spanFrom = 0;
    for (const hit of found) {
      const sameSpan = last !== null && last.start === hit.start && last.end === hit.end;
      if (hit.start < coveredUntil && !sameSpan) continue;
      if (!sameSpan) spanFrom = out.length;
      for (const slot of hit.slots) {
        const alumnusId = this.rows.idOf(slot);
        let seen = false;
        for (let k = spanFrom; k < out.length && !seen; k++) seen = out[k].alumnusId === alumnusId;
        if (!seen) out.push({ start: hit.start, end: hit.end, alumnusId });
      }
      coveredUntil = Math.max(coveredUntil, hit.end);
      last = hit;
    }
    return out;
  }

  // ——— persistence ———

  serialize(): string {
    // Rebuilt when the overlay has grown, and whenever someone left: the frozen name keys and the
    // scanner still spell their name, and privacy says it must not be written anywhere.
    if (this.withdrawnFromBase || this.changes > Math.max(50, this.base.count * REBUILD_SHARE))
      this.rebuild([...this.rows.entries()].map(([, row]) => row));
    const baseRows: Row[] = [];
    const removed: number[] = [];
    for (let slot = 0; slot < this.base.count; slot++) {
      const row = this.rows.get(slot);
      if (row) baseRows.push(row);
      else {
        // A withdrawn alumnus leaves an empty placeholder: slots stay aligned, nothing of them is kept.
        removed.push(slot);
        baseRows.push({ id: '', display: '', names: [], former: [], urls: [], tenure: [], employer: '', employerOrgId: '', common: false });
      }
    }
    const overlayRows: Row[] = [];
    for (let slot = this.base.count; slot < this.rows.length; slot++) {
      const row = this.rows.get(slot);
      if (row) overlayRows.push(row);
    }
    const out = new SectionWriter();
    RowStore.write(baseRows, out, 'rows');
    writeTables(this.base, out);
    return out.build(FORMAT, { removed, overlay: overlayRows, organizations: this.organizations.records });
  }

  static load(serialized: string): DirectoryIndex {
    if (typeof serialized !== 'string') throw new Error('Not a serialised recognition index');
    const input = new SectionReader(serialized);
    if (input.format !== FORMAT) throw new Error(`Not a recognition index in format ${FORMAT}`);
    const meta = (input.meta ?? {}) as { removed?: number[]; overlay?: Row[]; organizations?: Organization[] };
    const index = new DirectoryIndex();
    index.rows = RowStore.read(input, 'rows');
    index.base = readTables(input, index.rows.length);
    for (const slot of meta.removed ?? []) index.rows.remove(slot);
    for (const row of meta.overlay ?? []) {
      const slot = index.rows.add(row);
      index.overlay.add(row, slot);
    }
    index.setOrganizations(meta.organizations ?? []);
    return index;
  }
}

function recognisable(alumnus: RecognitionFields | null | undefined): alumnus is RecognitionFields {
  return !!alumnus?.id && !!alumnus.names?.display && alumnus.consent?.recognition === true;
}
