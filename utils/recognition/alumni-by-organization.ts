import type { OrganizationBook } from './organization-book';
import type { RowStore } from './row-store';

/** Alumni ids by the organisation they work at: the record the directory links, else the one their employer's name matches. */
export function alumniByOrganization(rows: RowStore, organizations: OrganizationBook): Map<string, string[]> {
  const byOrg = new Map<string, string[]>();
  for (const [, row] of rows.entries()) {
    const orgId = row.employerOrgId || (row.employer ? organizations.forName(row.employer)?.id : undefined);
    if (!orgId) continue;
    const list = byOrg.get(orgId);
    if (list) list.push(row.id);
    else byOrg.set(orgId, [row.id]);
  }
  return byOrg;
}
