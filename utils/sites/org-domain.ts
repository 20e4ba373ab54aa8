import { getDomain, getPublicSuffix } from 'tldts';
import { hostWithin, NETWORK_DOMAINS } from './host';

// Whether a page belongs to an organisation in the directory, by registrable domain (public-suffix
// list, tldts). Used where size does not matter — the worker that registers the org-website content
// script, and the `extract` command; content scripts themselves never load the suffix list.

/** The registrable domain ("audiense.com") of a URL or host, or undefined for IPs, localhost and junk. */
export function registrableDomainOf(urlOrHost: string | undefined): string | undefined {
  if (!urlOrHost || urlOrHost.length > 2048) return undefined;
  const domain = getDomain(urlOrHost.trim(), { allowPrivateDomains: false });
  return domain ? domain.toLowerCase() : undefined;
}

/** The organisation domain this URL belongs to (its registrable domain), when it is in `domains`. */
export function detectOrgWebsite(url: URL, domains: Set<string>): string | undefined {
  if (!/^https?:$/.test(url.protocol)) return undefined;
  const domain = registrableDomainOf(url.hostname);
  return domain && domains.has(domain) && !NETWORK_DOMAINS.some((network) => hostWithin(domain, network)) ? domain : undefined;
}

/**
 * A public suffix (co.jp, github.io) is where anyone registers names, never one organisation's domain:
 * taken as one, every site under it would count as that organisation's. The private part of the list
 * (github.io, blogspot.com) counts too.
 */
export function isPublicSuffix(domain: string): boolean {
  return getPublicSuffix(domain, { allowPrivateDomains: true }) === domain;
}
