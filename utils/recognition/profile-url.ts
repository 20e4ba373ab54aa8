import { PROFILE_PATH_SEGMENTS } from './data/profile-sites';
import { registrableDomain } from './domain';

/**
 * A profile URL reduced to what identifies the person: scheme, www/country sub-domains, query,
 * fragment, trailing slash, letter case, percent-encoding and sub-pages do not matter.
 * "https://se.linkedin.com/in/Sofia-Andersson-Reyes/details/experience/?locale=en_US" →
 * "linkedin.com/in/sofia-andersson-reyes". Null when it is not a web URL.
 */
export function canonicalProfileUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  let text = raw.trim().slice(0, 2048);
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  const domain = registrableDomain(host) ?? host;
  let segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => safeDecode(segment).normalize('NFC').toLowerCase());
  const rules = PROFILE_PATH_SEGMENTS[domain];
  if (rules && segments.length > 0) segments = segments.slice(0, rules[segments[0]] ?? rules['*'] ?? segments.length);
  if (segments.length === 0) return null;
  return `${domain}/${segments.join('/')}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The site part of a canonical profile URL ("linkedin.com"). */
export function profileSite(canonical: string): string {
  return canonical.slice(0, canonical.indexOf('/'));
}
