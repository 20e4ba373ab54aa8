import { describe, expect, it } from 'vitest';
import { pageListing, pageRoles } from '../../utils/recognition';
import { detectOrgWebsite } from '../../scripts/saved-pages/org-domain';
import { findAdapter, orgWebsiteAdapter } from '../../utils/sites/index';
import { LINKEDIN_ORIGINALS, loadPage, SIGNAL_FOLDERS, signalTruths } from '../sites/support';

// Page signals carry people and organisations, not how each person appears: the worker and
// `npm run match -- --page` read roles and the listing organisation off the page kind (utils/recognition/page.ts).
// On every saved page, that reading must agree with what the adapter says about its own page.

const pages: Array<[string, string, string[]]> = [
  ...SIGNAL_FOLDERS.flatMap((folder) => signalTruths(folder).map(([path, truth]) => [path, truth.url, truth.domains ?? []] as [string, string, string[]])),
  ...Object.entries(LINKEDIN_ORIGINALS)
    .filter(([, page]) => page.expect !== 'diagnostic')
    .map(([path, page]) => [path, page.url, []] as [string, string, string[]]),
];

describe.each(pages)('%s', (path, url, domains) => {
  const address = new URL(url);
  const document = loadPage(path, url);
  const found = findAdapter(address);
  const result = found
    ? found.adapter.extract(document, found.kind, address)
    : detectOrgWebsite(address, new Set(domains))
      ? orgWebsiteAdapter.extract(document, 'org-website', address)
      : null;

  it('has the roles the adapter gives its people, and a listing organisation exactly on pages about an organisation', () => {
    if (!result?.ok) throw new Error(`not extracted: ${path}`);
    expect(pageRoles(result.signals)).toEqual(result.roles);
    const listing = pageListing(result.signals);
    if (['company', 'company-people', 'org-website'].includes(result.signals.pageKind)) expect(listing?.organization).toEqual(result.signals.organizations[0]);
    else expect(listing).toBeNull();
  });
});
