import type { PageKind } from '../../signals/schema';

// LinkedIn URLs: which page a URL is, and the one spelling of a profile or company URL we compare.
// Country hosts (se.linkedin.com), query strings (?trk=, ?miniProfileUrn=), a trailing slash and
// letter case all name the same profile, so they are removed: https://www.linkedin.com/in/<slug>.

export function isLinkedInHost(host: string): boolean {
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}

/** A path segment as we compare it: decoded, trimmed, lower-cased; undefined when it cannot be decoded or is too long. */
export function segment(raw: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  decoded = decoded.trim().toLowerCase();
  return decoded && decoded.length <= 200 ? decoded : undefined;
}

/** The member slug of a /in/<slug> URL (any sub-path), lower-cased and decoded. */
export function profileSlug(url: URL): string | undefined {
  const match = /^\/in\/([^/]+)/.exec(url.pathname);
  return match ? segment(match[1]) : undefined;
}

export function companySlug(url: URL): string | undefined {
  const match = /^\/company\/([^/]+)/.exec(url.pathname);
  return match ? segment(match[1]) : undefined;
}

export function canonicalProfileUrl(slug: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}`;
}

export function canonicalCompanyUrl(slug: string): string {
  return `https://www.linkedin.com/company/${encodeURIComponent(slug)}`;
}

/** Canonical profile URL of a link on the page (relative or absolute), or undefined if it is not a member profile. */
export function profileUrlOf(href: string | null | undefined, base: URL): string | undefined {
  if (!href || href.length > 4096 || !URL.canParse(href, base)) return undefined;
  const url = new URL(href, base);
  if (!isLinkedInHost(url.hostname)) return undefined;
  const slug = profileSlug(url);
  return slug ? canonicalProfileUrl(slug) : undefined;
}

/** One predicate per page kind, on the path only (hosts are checked once in `detect`). */
const kinds: [PageKind, RegExp][] = [
  ['profile-details', /^\/in\/[^/]+\/details\/experience\/?$/],
  ['profile', /^\/in\/[^/]+(\/|\/overlay\/.*)?$/],
  ['company-people', /^\/company\/[^/]+\/people\/?$/],
  ['company', /^\/company\/[^/]+(\/|\/about\/?)?$/],
  ['search-people', /^\/search\/results\/people\/?$/],
  ['connections', /^\/mynetwork\/invite-connect\/connections\/?$/],
];

export function detectLinkedIn(url: URL): PageKind | undefined {
  if (!/^https?:$/.test(url.protocol) || !isLinkedInHost(url.hostname)) return undefined;
  return kinds.find(([, pattern]) => pattern.test(url.pathname))?.[0];
}

/** Same key ⇒ same page: a profile seen again under another host, query or slash is not read twice. */
export function linkedInPageKey(url: URL): string {
  const slug = profileSlug(url);
  const kind = detectLinkedIn(url);
  if (slug && (kind === 'profile' || kind === 'profile-details')) return `${kind}:${canonicalProfileUrl(slug)}`;
  const company = companySlug(url);
  if (company && kind) return `${kind}:${canonicalCompanyUrl(company)}`;
  // Search results: the query is the page.
  return `${kind ?? 'other'}:${url.pathname}${url.search}`;
}
