import { getDomain } from 'tldts';

/**
 * The registrable domain of a URL or host name, by the public-suffix list (tldts):
 * "https://careers.example.co.jp/jobs" → "example.co.jp". Null for IP addresses, bare suffixes and junk.
 */
export function registrableDomain(urlOrHost: unknown): string | null {
  if (typeof urlOrHost !== 'string') return null;
  const input = urlOrHost.trim().slice(0, 2048);
  if (!input) return null;
  const domain = getDomain(input, { allowPrivateDomains: true, validateHostname: true });
  return domain ? domain.toLowerCase() : null;
}
