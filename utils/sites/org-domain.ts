import { getDomain } from 'tldts';
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
