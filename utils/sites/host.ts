// Host names without the public-suffix list: the content scripts must stay small (tldts alone is
// ~50 KB gzip), and the recognition engine reduces any host to its registrable domain in the worker
// (utils/recognition/domain.ts, which also serves the server and the CLI).

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Networking sites have their own adapters and are never an organisation's website. */
export const NETWORK_DOMAINS = ['linkedin.com', 'licdn.com', 'wantedly.com', 'xing.com', 'github.com'];

/** "http://www.audiense.com/x" or "www.audiense.com" → "audiense.com"; undefined for IPs, localhost, junk. */
export function websiteHost(urlOrHost: string | null | undefined): string | undefined {
  const raw = (urlOrHost ?? '').trim();
  if (!raw || raw.length > 2048) return undefined;
  const href = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  if (!URL.canParse(href)) return undefined;
  const host = new URL(href).hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  if (!host.includes('.') || IPV4.test(host) || host.startsWith('[')) return undefined;
  return host;
}

/** True when `host` is `domain` or one of its subdomains. */
export function hostWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
