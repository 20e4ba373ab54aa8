import { browser } from 'wxt/browser';
import { Organization } from '../api';
import { type Database, getMeta, setMeta } from '../db';
import { isPublicSuffix } from '../recognition/domain';

/** The organisation-website content script (entrypoints/orgsite.content, `registration: 'runtime'`). */
export const ORGSITE_SCRIPT_ID = 'alumni-lens-orgsite';
export const ORGSITE_SCRIPT_FILE = 'content-scripts/orgsite.js';

/**
 * Match patterns for an organisation's domains: the domain itself and its subdomains, over https. A public
 * suffix (co.jp, github.io) is skipped: a backend that let one through must not make us ask for every site under it.
 */
export function orgsitePatterns(domains: Iterable<string>): string[] {
  return [...new Set(domains)].filter((domain) => !isPublicSuffix(domain)).sort().flatMap((domain) => [`https://${domain}/*`, `https://*.${domain}/*`]);
}

/** Every domain of a synced organisation (for alumni, those open offers concern) and of our own company. */
export async function knownOrgDomains(db: Database): Promise<string[]> {
  const domains = new Set<string>((await getMeta(db, 'me'))?.company.domains ?? []);
  for (const row of await db.getAll('organizations')) {
    const parsed = Organization.safeParse(row);
    if (parsed.success) for (const domain of parsed.data.domains) domains.add(domain);
  }
  return [...domains];
}

/**
 * Registers the organisation-website script for exactly the organisation origins the user has
 * granted, and nothing else: a site not granted never gets a script. Called after each sync and
 * whenever host permissions change.
 */
export async function updateOrgsiteRegistration(db: Database): Promise<string[]> {
  const candidates = orgsitePatterns(await knownOrgDomains(db));
  const granted: string[] = [];
  for (const pattern of candidates) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [ORGSITE_SCRIPT_ID] });
  const current = registered[0]?.matches ?? [];
  if (sameList(current, granted) && (registered.length > 0) === (granted.length > 0)) return granted;
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [ORGSITE_SCRIPT_ID] });
  if (granted.length > 0) {
    await browser.scripting.registerContentScripts([
      { id: ORGSITE_SCRIPT_ID, js: [ORGSITE_SCRIPT_FILE], matches: granted, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  await setMeta(db, 'orgsiteOrigins', granted);
  return granted;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i]);
}
