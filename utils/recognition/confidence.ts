import * as z from 'zod/mini';

// How sure a match is. Its own module: content scripts check it (utils/content/match-shell.ts) without the
// evidence schemas of verdict.ts.

export const Confidence = z.enum(['confirmed', 'likely', 'possible']);
export type Confidence = z.infer<typeof Confidence>;
