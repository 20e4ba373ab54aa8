import { z } from 'zod';
import { RecordId } from './common';
import { Alumnus } from './alumnus';
import { Organization } from './organization';
import { Offer } from './offer';

/** Query of every delta-sync endpoint: records changed after `since` (an opaque cursor), `limit` per page. */
export const SyncQuery = z.object({
  since: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type SyncQuery = z.infer<typeof SyncQuery>;

/** One page of a delta sync: changed records, ids to drop, the cursor to ask from next, and whether this was the last page. */
function syncPage<K extends string, T extends z.ZodType>(key: K, item: T, id: string) {
  return z
    .object({
      [key]: z.array(item),
      removed: z.array(RecordId).describe('Deleted records, and alumni who withdrew consent'),
      cursor: z.string().max(200),
      complete: z.boolean(),
    } as { [P in K]: z.ZodArray<T> } & { removed: z.ZodArray<typeof RecordId>; cursor: z.ZodString; complete: z.ZodBoolean })
    .meta({ id });
}

export const DirectoryPage = syncPage('alumni', Alumnus, 'DirectoryPage');
export type DirectoryPage = z.infer<typeof DirectoryPage>;
export const OrganizationsPage = syncPage('organizations', Organization, 'OrganizationsPage');
export type OrganizationsPage = z.infer<typeof OrganizationsPage>;
export const OffersPage = syncPage('offers', Offer, 'OffersPage');
export type OffersPage = z.infer<typeof OffersPage>;
