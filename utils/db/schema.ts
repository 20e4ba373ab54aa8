import type { DBSchema } from 'idb';
import { z } from 'zod';
import {
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

/**
 * Up to a few hundred directory records as the JSON lines they arrived as (see directory.ts): record i is
 * bytes[ends[i - 1] .. ends[i]), its alumnus id ids[i]. Each record is parsed when it is shown.
 */
export const DirectoryChunk = z
  .object({ n: z.number().int().min(0), ids: z.array(z.string()), bytes: z.instanceof(Uint8Array), ends: z.instanceof(Uint32Array) })
  .refine((chunk) => chunk.ends.length === chunk.ids.length && (chunk.ends.at(-1) ?? 0) <= chunk.bytes.length, 'the chunk is damaged');
export type DirectoryChunk = z.infer<typeof DirectoryChunk>;

/** Which chunk holds each alumnus (ids[i] is in chunk chunks[i]), and who has a published showcase. */
export const DirectoryMap = z
  .object({ ids: z.array(z.string()), chunks: z.instanceof(Uint32Array), showcased: z.array(z.string()) })
  .refine((map) => map.ids.length === map.chunks.length, 'the directory map is damaged');
export type DirectoryMap = z.infer<typeof DirectoryMap>;

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
  /**
   * How the last first sync from a snapshot went: records, and milliseconds to receive it, to read its parts, to
   * load (or build) its index (recognition is ready then) and to store the records.
   */
  snapshotTimings: z.object({ records: z.number().int(), fetchMs: z.number(), parseMs: z.number().optional(), indexMs: z.number(), storeMs: z.number() }),
  /** Milliseconds the recognition index last took to save (serialise and write), and to load in a woken worker. */
  indexTimings: z.object({ saveMs: z.number().optional(), loadMs: z.number().optional() }),
  seenOffers: z.array(z.string()),
  /** Origins the organisation-website script is registered for. */
  orgsiteOrigins: z.array(z.string()),
  /** Which chunk of the directory store holds each alumnus (utils/db/directory.ts). */
  directoryMap: DirectoryMap,
} as const;
export type MetaKey = keyof typeof metaSchemas;
export type MetaValue<K extends MetaKey> = z.infer<(typeof metaSchemas)[K]>;

export interface AlumniLensDB extends DBSchema {
  /**
   * The directory in chunks of JSON lines (version 4 on; versions 1 to 3 kept one Alumnus per value in `alumni`);
   * meta `directoryMap` says which chunk holds whom.
   */
  directory: { key: number; value: DirectoryChunk };
  organizations: { key: string; value: Organization };
  offers: { key: string; value: Offer };
  meetings: { key: string; value: Meeting; indexes: { 'by-alumnus': string } };
  meta: { key: MetaKey; value: unknown };
  outbox: { key: string; value: OutboxRecord; indexes: { 'by-state': OutboxRecord['state'] } };
  diagnostics: { key: string; value: DiagnosticRecord };
}

export type StoreName = 'directory' | 'organizations' | 'offers' | 'meetings' | 'meta' | 'outbox' | 'diagnostics';

/** Which store holds which synced resource. */
export const storeOf = { directory: 'directory', organizations: 'organizations', offers: 'offers', meetings: 'meetings' } as const satisfies Record<
  SyncResource,
  StoreName
>;
