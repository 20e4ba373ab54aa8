import * as z from 'zod/mini';

/** Every error the API answers has this shape; `issues` lists zod's findings for invalid input. */
export const ApiError = /* @__PURE__ */ z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.optional(z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))),
    }),
  })
  .register(z.globalRegistry, { id: 'ApiError' });
export type ApiError = z.infer<typeof ApiError>;

/**
 * Result of a CSV import: bad rows are named by their line number in the file. `skipped` counts every row not
 * imported: bad rows (with skipInvalid) and rows of alumni erased on request, who are listed in `erased`.
 */
export const ImportReport = /* @__PURE__ */ z
  .object({
    imported: z.number().check(z.int()),
    updated: z.number().check(z.int()),
    skipped: z.number().check(z.int()),
    errors: z.array(z.object({ line: z.number().check(z.int()), reason: z.string() })),
    erased: z
      .array(z.object({ line: z.number().check(z.int()), id: z.string() }))
      .check(z.describe('Rows of alumni erased on request: never imported again')),
  })
  .register(z.globalRegistry, { id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReport>;
