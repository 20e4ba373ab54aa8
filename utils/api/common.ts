import * as z from 'zod/mini';

// zod/mini (the functional API) throughout the contract: content scripts bundle it, and unlike
// classic zod it tree-shakes. Its messages' locale is set in locale.ts (see there why not here).

/** A month as the HR systems and the pages give it: "2012-04". */
export const YearMonth = /* @__PURE__ */ z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM'));
/** A calendar day: "2026-12-31". */
export const IsoDate = /* @__PURE__ */ z.iso.date();
export const Timestamp = /* @__PURE__ */ z.iso.datetime({ offset: true });
export const RecordId = /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(128));
/** Ids of records the client creates (introductions, interests) double as idempotency keys. */
export const ClientId = /* @__PURE__ */ z.uuid();
export const HttpUrl = /* @__PURE__ */ z
  .string()
  .check(
    z.maxLength(2048),
    z.refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'expected an http(s) URL'),
  );
export const ShortText = /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(300));
export const Role = /* @__PURE__ */ z.enum(['admin', 'recruiter', 'sales', 'alumni']).register(z.globalRegistry, { id: 'Role' });
export type Role = z.infer<typeof Role>;
