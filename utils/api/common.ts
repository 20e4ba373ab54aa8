import { z } from 'zod';

/** A month as the HR systems and the pages give it: "2012-04". */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');
/** A calendar day: "2026-12-31". */
export const IsoDate = z.iso.date();
export const Timestamp = z.iso.datetime({ offset: true });
export const RecordId = z.string().trim().min(1).max(128);
/** Ids of records the client creates (introductions, interests) double as idempotency keys. */
export const ClientId = z.uuid();
export const HttpUrl = z
  .string()
  .max(2048)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'expected an http(s) URL');
export const ShortText = z.string().trim().min(1).max(300);
export const Role = z.enum(['admin', 'recruiter', 'sales', 'alumni']).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;
