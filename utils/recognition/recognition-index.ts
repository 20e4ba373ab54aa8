import type { Alumnus, Organization } from '../api';
import type { OrganizationSignal, PersonSignal } from '../signals/schema';
import { PROFILE_PATH_SEGMENTS } from './data/profile-sites';
import { registrableDomain } from './domain';
import { SectionReader, SectionWriter } from './codec';
import { FrozenTable } from './frozen-table';
import { nameKeys, parseName, transliteratedName, type NameForm } from './names';
import { CompanyMatcher, organizationKeys } from './organizations';
import { canonicalProfileUrl } from './profile-url';
import { RowStore } from './row-store';
import { TextScanner, cjkSymbols, type ScannerPattern } from './scanner';
import { explain, judge, pickBest, readPage, type Candidate, type NameQuality } from './scoring';
import { rowFromAlumnus, type Row } from './store';
import { TypoIndex } from './typos';
import type { CompanyNames, MatchResult, RecognitionIndex, ScanHit } from './types';

const FORMAT = 'alumni-lens-recognition/2';
const MAX_ALT_NAMES = 20;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}\u30fc\s・]+$/u;
/** Changes since the last full build, as a share of the directory, beyond which serialize() rebuilds. */
const REBUILD_SHARE = 0.1;

// A name-table posting packs the slot with how the key was made: bit 0 = first + last only
// (a middle name left out), bit 1 = a former name.
const PARTIAL = 1;
const FORMER = 2;
const posting = (slot: number, flags: number) => slot * 4 + flags;
const QUALITY_RANK: Record<NameQuality, number> = { exact: 4, former: 3, partial: 2, typo: 1 };

/** Name keys, URLs, name words and scanner patterns of some rows: what the tables are built from. */
class TableSources {
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

/** The frozen tables over slots [0, count). */
interface BaseTables {
  count: number;
  names: FrozenTable;
  urls: FrozenTable;
  typos: TypoIndex;
  scanner: TextScanner;
}

function freeze(sources: TableSources, count: number): BaseTables {
  return {
    count,
    names: FrozenTable.from(sources.names),
    urls: FrozenTable.from(sources.urls),
    typos: TypoIndex.build(sources.words),
    scanner: TextScanner.build(sources.patterns, sources.vocabulary),
  };
}

/**
 * The directory index. Alumni live in slots. Slots below `base.count` are covered by frozen,
 * serialisable tables; alumni added later (delta sync) go to a small overlay whose tables are
 * rebuilt on demand, and removed alumni are tombstoned. serialize() folds the overlay in once it
 * grows past a tenth of the directory.
 */
export class DirectoryIndex implements RecognitionIndex {
  private rows = RowStore.empty();
  private base: BaseTables = freeze(new TableSources(), 0);
  private overlay = new TableSources();
  private overlayTables: BaseTables | null = null;
  private slotById: Map<string, number> | null = null;
  private changes = 0;
  private organizations: Organization[] = [];
  private orgById = new Map<string, Organization>();
  private orgByKey = new Map<string, string[]>();
  private orgByDomain = new Map<string, string>();
  private orgByUrl = new Map<string, string>();
  private alumniByOrg: Map<string, string[]> | null = null;
  private employerKeyCache = new Map<string, Set<string>>();
  private companyCache: { key: string; matcher: CompanyMatcher } | null = null;

  static build(alumni: readonly Alumnus[], organizations: readonly Organization[]): DirectoryIndex {
    const index = new DirectoryIndex();
    index.rebuild(alumni.filter(recognisable).map(rowFromAlumnus));
    index.setOrganizations(organizations);
    return index;
  }

  private rebuild(rows: Row[]): void {
    const seen = new Set<string>();
    const unique = rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
    this.rows = RowStore.empty();
    const sources = new TableSources();
    for (const row of unique) sources.add(row, this.rows.add(row));
    this.base = freeze(sources, this.rows.length);
    this.overlay = new TableSources();
    this.overlayTables = null;
    this.slotById = null;
    this.changes = 0;
    this.forgetDerived();
  }

  private forgetDerived(): void {
    this.alumniByOrg = null;
    this.employerKeyCache.clear();
  }

  get size(): number {
    return this.rows.live;
  }

  /** Slot by alumnus id; made on the first directory change, not on load. */
  private ids(): Map<string, number> {
    this.slotById ??= new Map(this.rows.ids());
    return this.slotById;
  }

  // ——— directory changes ———

  upsert(alumnus: Alumnus): void {
    this.remove(alumnus?.id);
    // Alumni who have not consented to recognition are never recognised, whatever the source.
    if (!recognisable(alumnus)) return;
    const row = rowFromAlumnus(alumnus);
    const slot = this.rows.add(row);
    this.ids().set(row.id, slot);
    this.overlay.add(row, slot);
    this.overlayTables = null;
    this.changes++;
    this.forgetDerived();
  }

  remove(alumnusId: string): void {
    const slot = this.ids().get(alumnusId);
    if (slot === undefined) return;
    this.rows.remove(slot);
    this.ids().delete(alumnusId);
    this.changes++;
    this.forgetDerived();
  }

  setOrganizations(organizations: readonly Organization[]): void {
    this.organizations = Array.isArray(organizations) ? organizations.slice() : [];
    this.orgById.clear();
    this.orgByKey.clear();
    this.orgByDomain.clear();
    this.orgByUrl.clear();
    for (const org of this.organizations) {
      if (!org?.id) continue;
      this.orgById.set(org.id, org);
      for (const name of [org.name, ...(org.aliases ?? [])])
        for (const key of organizationKeys(name)) {
          const ids = this.orgByKey.get(key) ?? [];
          if (!ids.includes(org.id)) ids.push(org.id);
          this.orgByKey.set(key, ids);
        }
      for (const domain of org.domains ?? []) {
        const registrable = registrableDomain(domain);
        if (registrable) this.orgByDomain.set(registrable, org.id);
      }
      for (const url of org.profileUrls ?? []) {
        const canonical = canonicalProfileUrl(url);
        if (canonical) this.orgByUrl.set(canonical, org.id);
      }
    }
    this.forgetDerived();
  }

  // ——— matching ———

  private overlayFrozen(): BaseTables {
    this.overlayTables ??= freeze(this.overlay, this.rows.length);
    return this.overlayTables;
  }

  private tables(): BaseTables[] {
    return this.overlay.patterns.length || this.overlay.names.size || this.overlay.urls.size ? [this.base, this.overlayFrozen()] : [this.base];
  }

  matchPerson(signal: PersonSignal, company: CompanyNames): MatchResult | null {
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
    if (!this.lookupNames(forms, candidates, tables)) this.lookupTypos(forms, candidates, tables);
    if (candidates.size === 0) return null;
    const page = readPage(signal, this.companyMatcher(company), String(company?.name ?? ''), pageUrl);
    const employerKeys = (row: Row) => this.employerKeys(row);
    const judgements = [...candidates.values()].map((c) => judge(c, this.rows.get(c.slot)!, page, employerKeys));
    const best = pickBest(judgements);
    if (!best) return null;
    const row = this.rows.get(best.candidate.slot)!;
    return { alumnusId: row.id, confidence: best.confidence, evidence: explain(best, row, page) };
  }

  private consider(candidates: Map<number, Candidate>, slot: number, quality: NameQuality): void {
    const row = this.rows.get(slot);
    if (!row) return;
    const existing = candidates.get(slot);
    if (existing?.quality && QUALITY_RANK[existing.quality] >= QUALITY_RANK[quality]) return;
    const matchedName = quality === 'former' ? (row.former[0] ?? row.display) : row.display;
    candidates.set(slot, { slot, urlMatch: existing?.urlMatch ?? false, quality, matchedName });
  }

  private lookupNames(forms: NameForm[], candidates: Map<number, Candidate>, tables: BaseTables[]): boolean {
    let found = false;
    for (const form of forms)
      for (const { key, kind } of nameKeys(form))
        for (const table of tables)
          table.names.forEach(key, (p) => {
            const flags = p & 3;
            const partial = kind === 'partial' || (flags & PARTIAL) !== 0;
            this.consider(candidates, Math.floor(p / 4), partial ? 'partial' : flags & FORMER ? 'former' : 'exact');
            found = true;
          });
    return found;
  }

  /** One word of the name one edit away from a directory word, the other words exact. */
  private lookupTypos(forms: NameForm[], candidates: Map<number, Candidate>, tables: BaseTables[]): void {
    for (const form of forms) {
      if (form.cjk || form.tokens.length < 2) continue;
      for (let i = 0; i < form.tokens.length; i++)
        for (const near of new Set(tables.flatMap((t) => [...t.typos.near(form.tokens[i]), ...t.typos.near(form.surface?.[i] ?? '')]))) {
          const tokens = form.tokens.slice();
          tokens[i] = near;
          for (const { key } of nameKeys({ tokens, cjk: false }))
            for (const table of tables)
              table.names.forEach(key, (p) => {
                if (!(p & PARTIAL)) this.consider(candidates, Math.floor(p / 4), 'typo');
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

  /** The current employer's names: the directory's spelling plus its organisation record's aliases. */
  private employerKeys(row: Row): Set<string> {
    const cacheKey = `${row.employerOrgId}\u0000${row.employer}`;
    let keys = this.employerKeyCache.get(cacheKey);
    if (keys) return keys;
    keys = new Set(organizationKeys(row.employer));
    const org = this.orgById.get(row.employerOrgId) ?? this.orgForName(row.employer);
    if (org) for (const name of [org.name, ...org.aliases]) for (const k of organizationKeys(name)) keys.add(k);
    if (this.employerKeyCache.size > 10_000) this.employerKeyCache.clear();
    this.employerKeyCache.set(cacheKey, keys);
    return keys;
  }

  private orgForName(name: string): Organization | undefined {
    const ids = new Set(organizationKeys(name).flatMap((k) => this.orgByKey.get(k) ?? []));
    return ids.size === 1 ? this.orgById.get([...ids][0]) : undefined;
  }

  matchOrganization(signal: OrganizationSignal): string | null {
    if (!signal || typeof signal !== 'object') return null;
    const url = canonicalProfileUrl(signal.url);
    if (url && this.orgByUrl.has(url)) return this.orgByUrl.get(url)!;
    for (const candidate of [signal.domain, signal.url]) {
      const domain = registrableDomain(candidate);
      // A LinkedIn company page's domain is LinkedIn's, not the company's.
      if (domain && !(domain in PROFILE_PATH_SEGMENTS) && this.orgByDomain.has(domain)) return this.orgByDomain.get(domain)!;
    }
    const ids = new Set(organizationKeys(signal.name).flatMap((key) => this.orgByKey.get(key) ?? []));
    return ids.size === 1 ? [...ids][0] : null;
  }

  alumniAt(organizationId: string): string[] {
    if (!this.alumniByOrg) {
      const byOrg = new Map<string, string[]>();
      for (const [, row] of this.rows.entries()) {
        const orgId = row.employerOrgId || (row.employer ? this.orgForName(row.employer)?.id : undefined);
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
    const hits: Array<{ start: number; end: number; slot: number }> = [];
    for (const table of this.tables())
      table.scanner.scan(text, (start, end, slot) => {
        if (this.rows.isLive(slot)) hits.push({ start, end, slot });
      });
    // Longest name wins where names overlap ("山田太郎" over "山田太"); one span shared by several alumni keeps them all.
    hits.sort((a, b) => a.start - b.start || b.end - a.end || a.slot - b.slot);
    const out: ScanHit[] = [];
    let coveredUntil = -1;
    let last: { start: number; end: number; slot: number } | null = null;
    for (const hit of hits) {
      const sameSpan = last !== null && last.start === hit.start && last.end === hit.end;
      if (sameSpan && last!.slot === hit.slot) continue;
      if (hit.start < coveredUntil && !sameSpan) continue;
      out.push({ start: hit.start, end: hit.end, alumnusId: this.rows.idOf(hit.slot) });
      coveredUntil = Math.max(coveredUntil, hit.end);
      last = hit;
    }
    return out;
  }

  // ——— persistence ———

  serialize(): string {
    if (this.changes > Math.max(50, this.base.count * REBUILD_SHARE)) this.rebuild([...this.rows.entries()].map(([, row]) => row));
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
    this.base.names.write(out, 'names');
    this.base.urls.write(out, 'urls');
    this.base.typos.write(out, 'typos');
    this.base.scanner.write(out, 'scanner');
    return out.build(FORMAT, { removed, overlay: overlayRows, organizations: this.organizations });
  }

  static load(serialized: string): DirectoryIndex {
    if (typeof serialized !== 'string') throw new Error('Not a serialised recognition index');
    const input = new SectionReader(serialized);
    if (input.format !== FORMAT) throw new Error(`Not a recognition index in format ${FORMAT}`);
    const meta = (input.meta ?? {}) as { removed?: number[]; overlay?: Row[]; organizations?: Organization[] };
    const index = new DirectoryIndex();
    index.rows = RowStore.read(input, 'rows');
    index.base = {
      count: index.rows.length,
      names: FrozenTable.read(input, 'names'),
      urls: FrozenTable.read(input, 'urls'),
      typos: TypoIndex.read(input, 'typos'),
      scanner: TextScanner.read(input, 'scanner'),
    };
    for (const slot of meta.removed ?? []) index.rows.remove(slot);
    for (const row of meta.overlay ?? []) {
      const slot = index.rows.add(row);
      index.overlay.add(row, slot);
    }
    index.setOrganizations(meta.organizations ?? []);
    return index;
  }
}

function recognisable(alumnus: Alumnus | null | undefined): alumnus is Alumnus {
  return !!alumnus?.id && !!alumnus.names?.display && alumnus.consent?.recognition === true;
}
