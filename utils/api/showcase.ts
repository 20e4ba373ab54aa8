import * as z from 'zod/mini';
import { HttpUrl, ShortText, Timestamp } from './common';

/** A tag as alumni type them: "TypeScript", "M&A advisory", "医療". */
export const Tag = /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(60));
const Tags = /* @__PURE__ */ z.array(Tag).check(z.maxLength(30));

export const Phone = /* @__PURE__ */ z
  .string()
  .check(z.trim(), z.regex(/^\+?[0-9][0-9 ()\-]{4,28}[0-9]$/, 'expected a phone number such as +81 3-1234-5678'));

/** Contact details an alumnus shares with the company's staff; what is left out is not shared. */
export const SharedContact = /* @__PURE__ */ z
  .object({ email: z.optional(z.email()), phone: z.optional(Phone) })
  .register(z.globalRegistry, { id: 'SharedContact' });
export type SharedContact = z.infer<typeof SharedContact>;

/** "What I do now": the business an alumnus runs or works for, as they present it to the company. */
export const ShowcaseInput = /* @__PURE__ */ z
  .object({
    businessName: ShortText.check(z.describe('Business or organisation name')),
    offering: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000), z.describe('What they offer, in a few sentences')),
    lookingFor: z.optional(z.string().check(z.trim(), z.maxLength(1000))).check(z.describe('What they are looking for')),
    tags: z.object({ skills: Tags, industries: Tags, services: Tags }),
    website: z.optional(HttpUrl),
    sharedContact: SharedContact,
    published: z.boolean().check(z.describe('Staff see the showcase only while it is published')),
  })
  .register(z.globalRegistry, { id: 'ShowcaseInput' });
export type ShowcaseInput = z.infer<typeof ShowcaseInput>;

export const Showcase = /* @__PURE__ */ z
  .extend(ShowcaseInput, { updatedAt: Timestamp })
  .register(z.globalRegistry, { id: 'Showcase' });
export type Showcase = z.infer<typeof Showcase>;
