import * as z from 'zod/mini';
import { HttpUrl, RecordId, ShortText, Timestamp } from './common';

/** A registrable domain such as example.co.jp (lower case, no scheme or path). */
export const Domain = /* @__PURE__ */ z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(253),
    z.regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z0-9-]{2,}$/, 'expected a domain name such as example.co.jp'),
  );

export const Organization = /* @__PURE__ */ z
  .object({
    id: RecordId,
    name: ShortText,
    aliases: z.array(ShortText).check(z.maxLength(50)),
    domains: z.array(Domain).check(z.maxLength(50)),
    profileUrls: z.array(HttpUrl).check(z.maxLength(20), z.describe('e.g. its LinkedIn company page')),
    updatedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Organization' });
export type Organization = z.infer<typeof Organization>;

export const OrganizationInput = /* @__PURE__ */ z
  .omit(Organization, { updatedAt: true })
  .register(z.globalRegistry, { id: 'OrganizationInput' });
export type OrganizationInput = z.infer<typeof OrganizationInput>;
