import { registrableDomain } from '../../utils/recognition/domain';
import { hostWithin, NETWORK_DOMAINS } from '../../utils/sites/host';

// Whether a saved page is an organisation's website, for the `extract` command: the extension itself
// registers the org-website content script for the directory's domains (utils/background/orgsite.ts).

/** The organisation domain this URL belongs to (its registrable domain), when it is in `domains`. */
export function detectOrgWebsite(url: URL, domains: Set<string>): string | undefined {
  if (!/^https?:$/.test(url.protocol)) return undefined;
  const domain = registrableDomain(url.hostname);
  return domain && domains.has(domain) && !NETWORK_DOMAINS.some((network) => hostWithin(domain, network)) ? domain : undefined;
}
