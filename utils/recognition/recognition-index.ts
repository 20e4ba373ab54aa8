import type { Alumnus, Organization } from '../api';
import type { OrganizationSignal, PersonSignal } from '../signals/schema';
import { decodeInts, encodeInts } from './codec';
import { registrableDomain } from './domain';
import { FORMER, NameTable, PARTIAL, makePosting, postingFlags, postingSlot } from './name-table';
import { nameKeys, parseName, type NameForm } from './names';
import { CompanyMatcher, organizationKeys } from './organizations';
import { PROFILE_PATH_SEGMENTS } from './data/profile-sites';
import { canonicalProfileUrl } from './profile-url';
import { TextScanner, cjkSymbols, type ScannerPattern } from './scanner';
import { judge, pickBest, readPage, type Candidate, type NameQuality } from './scoring';
import { rowFromAlumnus, type Row } from './store';
import { TypoIndex } from './typos';
import type { CompanyNames, MatchResult, RecognitionIndex, ScanHit } from './types';

const FORMAT_VERSION = 1;
const MAX_ALT_NAMES = 20;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}\u30fc\s・]+$/u;

/**
 * The directory index. Alumni live in slots; the name table, URL table and scanner refer to
 * slots. upsert/remove keep everything current; a removed slot is only tombstoned, and the
 * scanner is rebuilt lazily after changes.
 */
export class DirectoryIndex implements RecognitionIndex {
  private rows: Array<Row | null> = [];
  private slotById = new Map<string, number>();
  private names = new NameTable();
  private urls = new Map<string, number[]>();
  private scanner: TextScanner | null = null;
  private typos: TypoIndex | null = null;
  private organizations: Organization[] = [];
  private orgByKey = new Map<string, string[]>();
  private orgByDomain = new Map<string, string>();
  private orgByUrl = new Map<string, string>();
  private alumniByOrg: Map<string, string[]> | null = null;
  private employerKeyCache = new Map<number, Set<string>>();
  private companyCache: { key: string; matcher: CompanyMatcher } | null = null;

  static build(alumni: readonly Alumnus[], organizations: readonly Organization[]): DirectoryIndex {
    const index = new DirectoryIndex();
    for (const alumnus of alumni) index.insert(alumnus);
    index.setOrganizations(organizations);
    index.scanner = index.buildScanner();
    return index;
  }

  get size(): number {
    return this.slotById.size;
  }

  // ——— directory changes ———

  upsert(alumnus: Alumnus): void {
    this.remove(alumnus.id);
    this.insert(alumnus);
  }

  remove(alumnusId: string): void {
    const slot = this.slotById.get(alumnusId);
    if (slot === undefined) return;
    this.rows[slot] = null;
    this.slotById.delete(alumnusId);
    this.scanner = null;
    this.alumniByOrg = null;
  }

  private insert(alumnus: Alumnus): void {
    // Alumni who have not consented to recognition are never recognised, whatever the source.
    if (!alumnus?.id || !alumnus.names || alumnus.consent?.recognition === false) return;
    const row = rowFromAlumnus(alumnus);
    const slot = this.rows.length;
    this.rows.push(row);
    this.slotById.set(row.id, slot);
    this.indexRow(row, slot);
    this.scanner = null;
    this.typos = null;
    this.alumniByOrg = null;
  }

  private indexRow(row: Row, slot: number): void {
    const add = (name: string, former: boolean) => {
      for (const form of parseName(name))
        for (const { key, kind } of nameKeys(form)) this.names.add(key, makePosting(slot, (kind === 'partial' ? PARTIAL : 0) | (former ? FORMER : 0)));
    };
    for (const name of row.names) add(name, false);
    for (const name of row.former) add(name, true);
    for (const url of row.urls) {
      const list = this.urls.get(url);
      if (list) list.push(slot);
      else this.urls.set(url, [slot]);
    }
  }

  setOrganizations(organizations: readonly Organization[]): void {
    this.organizations = organizations.slice();
    this.orgByKey.clear();
    this.orgByDomain.clear();
    this.orgByUrl.clear();
    for (const org of this.organizations) {
      for (const name of [org.name, ...org.aliases])
        for (const key of organizationKeys(name)) {
          const ids = this.orgByKey.get(key) ?? [];
          if (!ids.includes(org.id)) ids.push(org.id);
          this.orgByKey.set(key, ids);
        }
      for (const domain of org.domains) {
        const registrable = registrableDomain(domain);
        if (registrable) this.orgByDomain.set(registrable, org.id);
      }
      for (const url of org.profileUrls) {
        const canonical = canonicalProfileUrl(url);
        if (canonical) this.orgByUrl.set(canonical, org.id);
      }
    }
    this.alumniByOrg = null;
    this.employerKeyCache.clear();
  }

  // ——— matching ———

  matchPerson(signal: PersonSignal, company: CompanyNames): MatchResult | null {
    if (!signal || typeof signal !== 'object') return null;
    const pageUrl = canonicalProfileUrl(signal.profileUrl);
    const candidates = new Map<number, Candidate>();
    if (pageUrl)
      for (const slot of this.urls.get(pageUrl) ?? [])
        if (this.rows[slot]) candidates.set(slot, { slot, urlMatch: true, quality: null, matchedName: '' });
    const forms: NameForm[] = [];
    for (const name of [signal.name, ...(Array.isArray(signal.altNames) ? signal.altNames.slice(0, MAX_ALT_NAMES) : [])])
      forms.push(...parseName(name));
    let named = this.lookupNames(forms, candidates);
    if (!named) named = this.lookupTypos(forms, candidates);
    if (candidates.size === 0) return null;
    const page = readPage(signal, this.companyMatcher(company), company.name, pageUrl);
    const judgements = [...candidates.values()].map((c) => judge(c, this.rows[c.slot]!, page, (row) => this.employerKeys(c.slot, row)));
    const best = pickBest(judgements);
    if (!best) return null;
    return { alumnusId: this.rows[best.candidate.slot]!.id, confidence: best.confidence, evidence: best.evidence };
  }

  private consider(candidates: Map<number, Candidate>, slot: number, quality: NameQuality): void {
    const row = this.rows[slot];
    if (!row) return;
    const rank = { exact: 4, former: 3, partial: 2, typo: 1 };
    const existing = candidates.get(slot);
    if (existing?.quality && rank[existing.quality] >= rank[quality]) return;
    const matchedName = quality === 'former' ? row.former[0] ?? row.display : row.display;
    candidates.set(slot, { slot, urlMatch: existing?.urlMatch ?? false, quality, matchedName });
  }

  private lookupNames(forms: NameForm[], candidates: Map<number, Candidate>): boolean {
    let found = false;
    for (const form of forms) {
      for (const { key, kind } of nameKeys(form)) {
        const postings = this.names.get(key);
        if (!postings) continue;
        for (let i = 0; i < postings.length; i++) {
          const flags = postingFlags(postings[i]);
          const partial = kind === 'partial' || (flags & PARTIAL) !== 0;
          const quality: NameQuality = partial ? 'partial' : flags & FORMER ? 'former' : 'exact';
          this.consider(candidates, postingSlot(postings[i]), quality);
          found = true;
        }
      }
    }
    return found;
  }

  /** One word of the name one edit away from a directory word, the other words exact. */
  private lookupTypos(forms: NameForm[], candidates: Map<number, Candidate>): boolean {
    let found = false;
    for (const form of forms) {
      if (form.cjk || form.tokens.length < 2) continue;
      this.typos ??= new TypoIndex(this.nameWords());
      for (let i = 0; i < form.tokens.length; i++) {
        for (const near of this.typos.near(form.tokens[i])) {
          const tokens = form.tokens.slice();
          tokens[i] = near;
          for (const { key } of nameKeys({ tokens, cjk: false })) {
            const postings = this.names.get(key);
            if (!postings) continue;
            for (let p = 0; p < postings.length; p++) {
              if (postingFlags(postings[p]) & PARTIAL) continue;
              this.consider(candidates, postingSlot(postings[p]), 'typo');
              found = true;
            }
          }
        }
      }
    }
    return found;
  }

  private nameWords(): Set<string> {
    const words = new Set<string>();
    for (const row of this.rows) {
      if (!row) continue;
      for (const name of [...row.names, ...row.former])
        for (const form of parseName(name)) if (!form.cjk) for (const t of form.tokens) words.add(t);
    }
    return words;
  }

  private companyMatcher(company: CompanyNames): CompanyMatcher {
    const names = [company?.name, ...(Array.isArray(company?.aliases) ? company.aliases : [])].filter((n): n is string => typeof n === 'string');
    const key = names.join('\u0000');
    if (this.companyCache?.key !== key) this.companyCache = { key, matcher: new CompanyMatcher(names) };
    return this.companyCache.matcher;
  }

  /** The current employer's names: the directory's spelling plus the organisation record's aliases. */
  private employerKeys(slot: number, row: Row): Set<string> {
    let keys = this.employerKeyCache.get(slot);
    if (keys) return keys;
    keys = new Set(organizationKeys(row.employer));
    const org = this.organizations.find((o) => o.id === row.employerOrgId);
    if (org) for (const name of [org.name, ...org.aliases]) for (const k of organizationKeys(name)) keys.add(k);
    if (this.employerKeyCache.size > 10_000) this.employerKeyCache.clear();
    this.employerKeyCache.set(slot, keys);
    return keys;
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
    for (const key of organizationKeys(signal.name)) {
      const ids = this.orgByKey.get(key);
      if (ids?.length === 1) return ids[0];
    }
    return null;
  }

  alumniAt(organizationId: string): string[] {
    if (!this.alumniByOrg) {
      const byOrg = new Map<string, string[]>();
      for (const row of this.rows) {
        if (!row) continue;
        let orgId = row.employerOrgId;
        if (!orgId && row.employer) {
          const ids = organizationKeys(row.employer).flatMap((k) => this.orgByKey.get(k) ?? []);
          orgId = new Set(ids).size === 1 ? ids[0] : '';
        }
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
    this.scanner ??= this.buildScanner();
    const hits: Array<{ start: number; end: number; slot: number }> = [];
    this.scanner.scan(text, (start, end, slot) => {
      if (this.rows[slot]) hits.push({ start, end, slot });
    });
    // Longest name wins where names overlap ("山田太郎" over "山田太"); same span, several alumni: all kept.
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: ScanHit[] = [];
    let coveredUntil = -1;
    let last: { start: number; end: number } | null = null;
    for (const hit of hits) {
      const sameSpan = last && last.start === hit.start && last.end === hit.end;
      if (hit.start < coveredUntil && !sameSpan) continue;
      out.push({ start: hit.start, end: hit.end, alumnusId: this.rows[hit.slot]!.id });
      coveredUntil = Math.max(coveredUntil, hit.end);
      last = hit;
    }
    return out;
  }

  private buildScanner(): TextScanner {
    const vocabulary = new Map<string, number>();
    const patterns: ScannerPattern[] = [];
    this.rows.forEach((row, slot) => {
      if (!row) return;
      for (const name of [...row.names, ...row.former]) {
        if (KANA_ONLY.test(name)) {
          const symbols = cjkSymbols(name);
          if (symbols.length >= 2) patterns.push({ symbols, slot });
        }
        for (const form of parseName(name)) {
          if (form.cjk) {
            const symbols = cjkSymbols(form.tokens.join(''));
            if (symbols.length >= 2) patterns.push({ symbols, slot });
          } else if (form.tokens.length >= 2) {
            const ids = form.tokens.map((t) => TextScanner.tokenSymbol(vocabulary, t));
            patterns.push({ symbols: ids, slot });
            if (ids.length === 2) patterns.push({ symbols: [ids[1], ids[0]], slot });
          }
        }
      }
    });
    return TextScanner.build(patterns, vocabulary);
  }

  // ——— persistence ———

  serialize(): string {
    this.compact();
    const rows = this.rows as Row[];
    const tenureStarts: number[] = [0];
    const tenure: number[] = [];
    for (const row of rows) {
      for (const [from, to] of row.tenure) tenure.push(from, to);
      tenureStarts.push(tenure.length);
    }
    this.scanner ??= this.buildScanner();
    return JSON.stringify({
      version: FORMAT_VERSION,
      ids: rows.map((r) => r.id),
      display: rows.map((r) => r.display),
      names: rows.map((r) => r.names.join('\u001f')),
      former: rows.map((r) => r.former.join('\u001f')),
      urls: rows.map((r) => r.urls.join('\u001f')),
      employer: rows.map((r) => r.employer),
      employerOrgId: rows.map((r) => r.employerOrgId),
      common: rows.map((r) => (r.common ? '1' : '0')).join(''),
      tenureStarts: encodeInts(Int32Array.from(tenureStarts)),
      tenure: encodeInts(Int32Array.from(tenure)),
      nameTable: this.names,
      scanner: this.scanner,
      organizations: this.organizations,
    });
  }

  /** Drops tombstoned slots so the serialised form holds live alumni only. */
  private compact(): void {
    if (this.rows.every((row) => row !== null)) return;
    const live = this.rows.filter((row): row is Row => row !== null);
    this.rows = [];
    this.slotById.clear();
    this.names = new NameTable();
    this.urls.clear();
    this.typos = null;
    this.scanner = null;
    this.employerKeyCache.clear();
    live.forEach((row, slot) => {
      this.rows.push(row);
      this.slotById.set(row.id, slot);
      this.indexRow(row, slot);
    });
  }

  static load(serialized: string): DirectoryIndex {
    const data = JSON.parse(serialized) as Record<string, unknown>;
    if (data.version !== FORMAT_VERSION) throw new Error(`Unsupported recognition index format ${String(data.version)}`);
    const index = new DirectoryIndex();
    const ids = data.ids as string[];
    const display = data.display as string[];
    const names = data.names as string[];
    const former = data.former as string[];
    const urls = data.urls as string[];
    const employer = data.employer as string[];
    const employerOrgId = data.employerOrgId as string[];
    const common = String(data.common);
    const tenureStarts = decodeInts(String(data.tenureStarts));
    const tenure = decodeInts(String(data.tenure));
    const split = (text: string) => (text ? text.split('\u001f') : []);
    for (let slot = 0; slot < ids.length; slot++) {
      const pairs: Array<[number, number]> = [];
      for (let i = tenureStarts[slot]; i < tenureStarts[slot + 1]; i += 2) pairs.push([tenure[i], tenure[i + 1]]);
      const row: Row = {
        id: ids[slot],
        display: display[slot],
        names: split(names[slot]),
        former: split(former[slot]),
        urls: split(urls[slot]),
        tenure: pairs,
        employer: employer[slot],
        employerOrgId: employerOrgId[slot],
        common: common[slot] === '1',
      };
      index.rows.push(row);
      index.slotById.set(row.id, slot);
      for (const url of row.urls) {
        const list = index.urls.get(url);
        if (list) list.push(slot);
        else index.urls.set(url, [slot]);
      }
    }
    index.names = NameTable.fromJSON(data.nameTable as Record<string, unknown>);
    index.scanner = TextScanner.fromJSON(data.scanner as Record<string, unknown>);
    index.setOrganizations((data.organizations as Organization[]) ?? []);
    return index;
  }
}
