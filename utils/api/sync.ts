import * as z from 'zod/mini';
import { RecordId } from './common';
import { Alumnus } from './alumnus';
import { Organization } from './organization';
import { Offer } from './offer';
import { Meeting } from './meeting';

/** Query of every delta-sync endpoint: records changed after `since` (an opaque cursor), `limit` per page. */
export const SyncQuery = /* @__PURE__ */ z.object({
  since: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(5000)), 1000),
});
export type SyncQuery = z.infer<typeof SyncQuery>;

/** One page of a delta sync: changed records, ids to drop, the cursor to ask from next, and whether this was the last page. */
function syncPage<K extends string, T extends z.ZodMiniType>(key: K, item: T, id: string) {
  return z
    .object({
      [key]: z.array(item),
      removed: z.array(RecordId).check(z.describe('Deleted records, and alumni who withdrew consent')),
      cursor: z.string().check(z.maxLength(200)),
      complete: z.boolean(),
    } as { [P in K]: z.ZodMiniArray<T> } & {
      removed: z.ZodMiniArray<typeof RecordId>;
      cursor: z.ZodMiniString;
      complete: z.ZodMiniBoolean;
    })
    .register(z.globalRegistry, { id });
}

export const DirectoryPage = syncPage('alumni', Alumnus, 'DirectoryPage');
export type DirectoryPage = z.infer<typeof DirectoryPage>;
export const OrganizationsPage = syncPage('organizations', Organization, 'OrganizationsPage');
export type OrganizationsPage = z.infer<typeof OrganizationsPage>;
export const OffersPage = syncPage('offers', Offer, 'OffersPage');
export type OffersPage = z.infer<typeof OffersPage>;
export const MeetingsPage = syncPage('meetings', Meeting, 'MeetingsPage');
export type MeetingsPage = z.infer<typeof MeetingsPage>;
