import * as z from 'zod/mini';
import { RecordId, Role, ShortText } from './common';
import { Phone } from './showcase';
import { Domain } from './organization';

/** Who the token belongs to, and the company's own names that experience entries are matched against. */
export const Me = /* @__PURE__ */ z
  .object({
    user: z.object({
      name: ShortText,
      role: Role,
      /** Staff: the contact details their business card shows once a meeting is accepted. */
      email: z.optional(z.email()),
      phone: z.optional(Phone),
      /** Alumni: the directory record the token belongs to (absent for a token not linked to one). */
      alumnusId: z.optional(RecordId),
    }),
    company: z.object({ name: ShortText, aliases: z.array(ShortText), domains: z.array(Domain) }),
  })
  .register(z.globalRegistry, { id: 'Me' });
export type Me = z.infer<typeof Me>;
