import * as z from 'zod/mini';

// Its own module: content scripts check spans (utils/content/match-shell.ts) without building the match answer.

/** [start, end) in UTF-16 code units of the text a content script sent: where a name is written. */
export const TextSpan = z
  .object({ start: z.number().check(z.int(), z.gte(0)), end: z.number().check(z.int(), z.gte(0)) })
  .check(z.refine((span) => span.end > span.start, 'a span ends after it starts'));
export type TextSpan = z.infer<typeof TextSpan>;

/** Where one name is written, at most: a page that repeats a name endlessly still gets one bounded answer. */
export const MAX_SPANS_PER_NAME = 1000;
