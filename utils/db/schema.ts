import type { DBSchema } from 'idb';
import { z } from 'zod';
import {
  Alumnus,
  InterestInput,
  IntroductionInput,
  Me,
  Meeting,
  MeetingInput,
  MeetingStep,
  MyProfile,
  Offer,
  Organization,
  SuggestionInput,
} from '../api';
import { OutboxState } from '../outbox/status';
import { LayerCounts } from '../signals/schema';

export const DB_NAME = 'alumni-lens';

/** One item waiting for (or done with) delivery to the backend; its `id` is the idempotency key. */
export const OutboxRecord = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('introduction'), body: IntroductionInput }),
  z.object({ kind: z.literal('interest'), body: InterestInput }),
  z.object({ kind: z.literal('meeting'), body: MeetingInput }),
  /** One step of a meeting: `id` is the step's own idempotency key. */
  z.object({ kind: z.literal('meeting-step'), body: z.object({ id: z.uuid(), meetingId: z.uuid(), step: MeetingStep }) }),
  z.object({ kind: z.literal('suggestion'), body: SuggestionInput }),
]).and(
  z.object({
    id: z.uuid(),
    state: OutboxState,
    attempts: z.number().int().min(0),
    createdAt: z.number(),
    /** When the next delivery attempt is due (queued items only). */
    nextAttemptAt: z.number().optional(),
    /** The last failure's reason: temporary while queued, final when failed. */
    error: z.string().max(2000).optional(),
    /** Why a failed item stopped: the backend refused it, or it could not be sent for GIVE_UP_AFTER_MS. */
    stopped: z.enum(['refused', 'expired']).optional(),
    /** When the user last chose Retry: the give-up time counts from then. */
    retriedAt: z.number().optional(),
    sentAt: z.number().optional(),
  }),
);
export type OutboxRecord = z.infer<typeof OutboxRecord>;

/** Counted problems shown on the options page (layouts not recognised, stored data repaired). */
export const DiagnosticRecord = z.object({
  key: z.string(),
  kind: z.enum(['unrecognised', 'stored-data']),
  adapter: z.string(),
  pageKind: z.string().optional(),
  missing: z.string(),
  /** What each reading layer found on the last such page (counts and reasons only). */
  layers: z.optional(LayerCounts),
  count: z.number().int().min(1),
  lastAt: z.number(),
});
export type DiagnosticRecord = z.infer<typeof DiagnosticRecord>;

export const SyncResource = z.enum(['directory', 'organizations', 'offers', 'meetings']);
export type SyncResource = z.infer<typeof SyncResource>;

/** Everything the `meta` store may hold, by key; values are parsed on read (see meta.ts). */
export const metaSchemas = {
  me: Me,
  /** Which backend, company and role the stored data belongs to; a change clears it. */
  dataOwner: z.string(),
  'cursor:directory': z.string(),
  'cursor:organizations': z.string(),
  'cursor:offers': z.string(),
  'cursor:meetings': z.string(),
  /** Alumni: their own record, showcase and suggestions (GET /me/profile), for matching offers to them. */
  profile: MyProfile,
  /** Bumped in every transaction that changes alumni or organisations. */
  dataVersion: z.number().int(),
  /** The recognition index as last serialised, and the data version it reflects. */
  index: z.object({ serialized: z.string(), dataVersion: z.number().int() }),
  lastSync: z.object({ at: z.number().nullable(), error: z.string().nullable() }),
  seenOffers: z.array(z.string()),
  /** Origins the organisation-website script is registered for. */
  orgsiteOrigins: z.array(z.string()),
} as const;
export type MetaKey = keyof typeof metaSchemas;
export type MetaValue<K extends MetaKey> = z.infer<(typeof metaSchemas)[K]>;

export interface AlumniLensDB extends DBSchema {
  /** `by-showcase` holds only alumni with a published showcase (the key path is absent otherwise). */
  alumni: { key: string; value: Alumnus; indexes: { 'by-showcase': string } };
  organizations: { key: string; value: Organization };
  offers: { key: string; value: Offer };
  meetings: { key: string; value: Meeting; indexes: { 'by-alumnus': string } };
  meta: { key: MetaKey; value: unknown };
  outbox: { key: string; value: OutboxRecord; indexes: { 'by-state': OutboxRecord['state'] } };
  diagnostics: { key: string; value: DiagnosticRecord };
}

export type StoreName = 'alumni' | 'organizations' | 'offers' | 'meetings' | 'meta' | 'outbox' | 'diagnostics';

/** Which store holds which synced resource. */
export const storeOf = { directory: 'alumni', organizations: 'organizations', offers: 'offers', meetings: 'meetings' } as const satisfies Record<
  SyncResource,
  StoreName
>;
