import type { Organization } from '../api';
import type { OrganizationSignal } from '../signals/schema';
import { PROFILE_PATH_SEGMENTS } from './data/profile-sites';
import { registrableDomain } from './domain';
import { organizationKeys } from './organizations';
import { canonicalProfileUrl } from './profile-url';
import type { Row } from './store';

const EMPLOYER_CACHE_LIMIT = 10_000;

/** The backend's organisation records, looked up by name or alias, domain and profile URL. */
export class OrganizationBook {
  readonly records: Organization[];
  private readonly byId = new Map<string, Organization>();
  private readonly byKey = new Map<string, string[]>();
  private readonly byDomain = new Map<string, string>();
  private readonly byUrl = new Map<string, string>();
  private readonly employerKeyCache = new Map<string, Set<string>>();

  constructor(organizations: readonly Organization[]) {
    this.records = Array.isArray(organizations) ? organizations.filter((org) => !!org?.id) : [];
    for (const org of this.records) {
      this.byId.set(org.id, org);
      for (const name of [org.name, ...(org.aliases ?? [])])
        for (const key of organizationKeys(name)) {
          const ids = this.byKey.get(key) ?? [];
          if (!ids.includes(org.id)) ids.push(org.id);
          this.byKey.set(key, ids);
        }
      for (const domain of org.domains ?? []) {
        const registrable = registrableDomain(domain);
        if (registrable) this.byDomain.set(registrable, org.id);
      }
      for (const url of org.profileUrls ?? []) {
        const canonical = canonicalProfileUrl(url);
        if (canonical) this.byUrl.set(canonical, org.id);
      }
    }
  }

  get(id: string): Organization | undefined {
    return this.byId.get(id);
  }

  /** The one organisation this name or alias stands for (none when it is ambiguous). */
  forName(name: string): Organization | undefined {
    const ids = new Set(organizationKeys(name).flatMap((k) => this.byKey.get(k) ?? []));
    return ids.size === 1 ? this.byId.get([...ids][0]) : undefined;
  }

  /** By profile URL, then the website's registrable domain, then the name. */
  match(signal: OrganizationSignal): string | null {
    if (!signal || typeof signal !== 'object') return null;
    const url = canonicalProfileUrl(signal.url);
    if (url && this.byUrl.has(url)) return this.byUrl.get(url)!;
    for (const candidate of [signal.domain, signal.url]) {
      const domain = registrableDomain(candidate);
      // A LinkedIn company page's domain is LinkedIn's, not the company's.
      if (domain && !Object.hasOwn(PROFILE_PATH_SEGMENTS, domain) && this.byDomain.has(domain)) return this.byDomain.get(domain)!;
    }
    return this.forName(signal.name)?.id ?? null;
  }

  /** The current employer's names: the directory's spelling plus its organisation record's aliases. */
  employerKeys(row: Row): Set<string> {
    const cacheKey = `${row.employerOrgId}\u0000${row.employer}`;
    let keys = this.employerKeyCache.get(cacheKey);
    if (keys) return keys;
    keys = new Set(organizationKeys(row.employer));
    const org = this.byId.get(row.employerOrgId) ?? this.forName(row.employer);
    if (org) for (const name of [org.name, ...org.aliases]) for (const k of organizationKeys(name)) keys.add(k);
    if (this.employerKeyCache.size > EMPLOYER_CACHE_LIMIT) this.employerKeyCache.clear();
    this.employerKeyCache.set(cacheKey, keys);
    return keys;
  }
}
