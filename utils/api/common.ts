import * as z from 'zod/mini';

// zod/mini (the functional API) throughout the contract: content scripts bundle it, and unlike
// classic zod it tree-shakes. Mini loads no locale, so without this every built-in message
// (users see them in 400 answers and message errors) would read just "Invalid input".
z.config(z.locales.en());

/** A month as the HR systems and the pages give it: "2012-04". */
export const YearMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM'));
/** A calendar day: "2026-12-31". */
export const IsoDate = z.iso.date();
export const Timestamp = z.iso.datetime({ offset: true });
export const RecordId = z.string().check(z.trim(), z.minLength(1), z.maxLength(128));
/** Ids of records the client creates (introductions, interests) double as idempotency keys. */
export const ClientId = z.uuid();
export const HttpUrl = z
  .string()
  .check(
    z.maxLength(2048),
    z.refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'expected an http(s) URL'),
  );
export const ShortText = z.string().check(z.trim(), z.minLength(1), z.maxLength(300));
export const Role = z.enum(['admin', 'recruiter', 'sales', 'alumni']).register(z.globalRegistry, { id: 'Role' });
export type Role = z.infer<typeof Role>;
