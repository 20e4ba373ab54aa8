import type { Alumnus, Organization, RecognitionFields } from '../api';
import type { OrganizationSignal, PageSignals, PersonSignal } from '../signals/schema';
import { alumniByOrganization } from './alumni-by-organization';
import { readIndex, writeIndex } from './index-persistence';
import { NameLookup } from './name-lookup';
import { memoisedParseName, parseName, type NameForm } from './names';
import { OrganizationBook } from './organization-book';
import { CompanyMatcher, organizationKeys } from './organizations';
import { recognisePage } from './page';
import { canonicalProfileUrl } from './profile-url';
import { RowStore } from './row-store';
import { longestNames, type FoundName } from './scan-hits';
import { explain, judge, pickBest, readPage, type Candidate, type ListedAt } from './scoring';
import { rowFromAlumnus, type Row } from './store';
import { TableSources, freeze, type Tables } from './tables';
import type { CompanyNames, MatchResult, PagePersonMatch, PersonContext, RankedMatch, RecognitionIndex, ScanHit } from './types';

const MAX_ALT_NAMES = 20;
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
  private readonly names = new NameLookup(() => this.rows);

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
    this.names.forget();
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
    const id = alumnus.id;
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

  // The engine is a library too (match CLI, evaluation, hostile eval cases): signals and company may come
  // unparsed, so the shape checks here, in rankPerson and in companyMatcher stay.
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
    this.names.find(forms, candidates, tables);
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
    this.alumniByOrg ??= alumniByOrganization(this.rows, this.organizations);
    return (this.alumniByOrg.get(organizationId) ?? []).slice();
  }

  // ——— page text ———

  scanText(text: string): ScanHit[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const found: FoundName[] = [];
    for (const table of this.tables())
      table.scanner.scan(text, (start, end, group) => {
        const slots: number[] = [];
        table.scanner.forEachSlot(group, (slot) => {
          if (this.rows.isLive(slot)) slots.push(slot);
        });
        if (slots.length) found.push({ start, end, slots });
      });
    return longestNames(found, (slot) => this.rows.idOf(slot));
  }

  // ——— persistence ———

  serialize(): string {
    // Rebuilt when the overlay has grown, and whenever someone left: the frozen name keys and the
    // scanner still spell their name, and privacy says it must not be written anywhere.
    if (this.withdrawnFromBase || this.changes > Math.max(50, this.base.count * REBUILD_SHARE))
      this.rebuild([...this.rows.entries()].map(([, row]) => row));
    return writeIndex(this.rows, this.base, this.organizations.records);
  }

  static load(serialized: string): DirectoryIndex {
    const stored = readIndex(serialized);
    const index = new DirectoryIndex();
    index.rows = stored.rows;
    index.base = stored.base;
    for (const slot of stored.removed) index.rows.remove(slot);
    for (const row of stored.overlay) {
      const slot = index.rows.add(row);
      index.overlay.add(row, slot);
    }
    index.setOrganizations(stored.organizations);
    return index;
  }
}

function recognisable(alumnus: RecognitionFields | null | undefined): alumnus is RecognitionFields {
  return !!alumnus?.id && !!alumnus.names?.display && alumnus.consent?.recognition === true;
}
