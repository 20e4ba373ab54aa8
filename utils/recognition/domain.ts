import { getDomain, getPublicSuffix } from 'tldts';

// Registrable domains and public suffixes, by the public-suffix list (tldts), in one place for the worker, the
// server and the CLI (content scripts never load the list). The private part of the list counts everywhere:
// github.io, herokuapp.com and blogspot.com are where anyone registers a name, so "acme.github.io" is its own
// organisation's domain, never GitHub's, and "github.io" itself is nobody's (the server refuses it, issue 12).

/**
 * The registrable domain of a URL or host name: "https://careers.example.co.jp/jobs" → "example.co.jp",
 * "https://acme.github.io/team" → "acme.github.io". Null for IP addresses, bare suffixes and junk.
 */
export function registrableDomain(urlOrHost: unknown): string | null {
  if (typeof urlOrHost !== 'string') return null;
  const input = urlOrHost.trim().slice(0, 2048);
  if (!input) return null;
  const domain = getDomain(input, { allowPrivateDomains: true, validateHostname: true });
  return domain ? domain.toLowerCase() : null;
}

/**
 * A public suffix (co.jp, github.io) is where anyone registers names, never one organisation's domain:
 * taken as one, every site under it would count as that organisation's.
 */
export function isPublicSuffix(domain: string): boolean {
  return getPublicSuffix(domain, { allowPrivateDomains: true }) === domain;
}
