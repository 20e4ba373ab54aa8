import { getDomain } from 'tldts';

/** The registrable domain ("audiense.com") of a URL or host, or undefined for IPs, localhost and junk. */
export function tldtsDomain(urlOrHost: string | undefined): string | undefined {
  if (!urlOrHost || urlOrHost.length > 2048) return undefined;
  const domain = getDomain(urlOrHost.trim(), { allowPrivateDomains: false });
  return domain ? domain.toLowerCase() : undefined;
}
