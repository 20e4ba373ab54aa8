import * as z from 'zod/mini';
import { Role, ShortText } from './common';
import { Domain } from './organization';

/** Who the token belongs to, and the company's own names that experience entries are matched against. */
export const Me = z
  .object({
    user: z.object({ name: ShortText, role: Role }),
    company: z.object({ name: ShortText, aliases: z.array(ShortText), domains: z.array(Domain) }),
  })
  .register(z.globalRegistry, { id: 'Me' });
export type Me = z.infer<typeof Me>;
