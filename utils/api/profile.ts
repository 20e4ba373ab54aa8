import * as z from 'zod/mini';
import { Alumnus } from './alumnus';
import { Showcase } from './showcase';
import { Suggestion } from './suggestion';

/**
 * What an alumnus's own client syncs about them (GET /me/profile): their directory record (current
 * employer, for matching offers), their showcase, and the open offers staff suggested to them.
 * Nobody else's record or showcase is ever in it.
 */
export const MyProfile = /* @__PURE__ */ z
  .object({
    alumnus: z.omit(Alumnus, { showcase: true, rehireEligible: true }),
    showcase: z.nullable(Showcase),
    suggestions: z.array(Suggestion),
  })
  .register(z.globalRegistry, { id: 'MyProfile' });
export type MyProfile = z.infer<typeof MyProfile>;
