import { z } from 'zod';
import { HttpUrl, RecordId, ShortText, Timestamp } from './common';

/** A registrable domain such as example.co.jp (lower case, no scheme or path). */
export const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z0-9-]{2,}$/, 'expected a domain name such as example.co.jp');

export const Organization = z
  .object({
    id: RecordId,
    name: ShortText,
    aliases: z.array(ShortText).max(50),
    domains: z.array(Domain).max(50),
    profileUrls: z.array(HttpUrl).max(20).describe('e.g. its LinkedIn company page'),
    updatedAt: Timestamp,
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof Organization>;

export const OrganizationInput = Organization.omit({ updatedAt: true }).meta({ id: 'OrganizationInput' });
export type OrganizationInput = z.infer<typeof OrganizationInput>;
