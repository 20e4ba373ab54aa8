import type { Context } from 'hono';
import * as z from 'zod/mini';
import { ApiProblem, invalidInput } from './problem';

/** Where a NUL character hides in a parsed value: PostgreSQL text cannot store one, so it is refused up front. */
function nulPath(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined;
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, [...path, Array.isArray(value) ? Number(key) : key]);
      if (found) return found;
    }
  }
  return undefined;
}

export function refuseNul(value: unknown, where: 'body' | 'query' | 'path'): void {
  const path = nulPath(value);
  if (path) {
    throw new ApiProblem(400, 'invalid_request', `The request ${where} contains a NUL character.`, [
      { path, message: 'NUL characters are not allowed' },
    ]);
  }
}

/** Reads a JSON body and parses it with a contract schema: malformed JSON and invalid fields are both 400. */
export async function parseJsonBody<Schema extends z.core.$ZodType>(c: Context, schema: Schema): Promise<z.output<Schema>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new ApiProblem(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiProblem(400, 'malformed_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  refuseNul(value, 'body');
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw invalidInput('body', parsed.error);
  return parsed.data;
}

export function parseQuery<Schema extends z.core.$ZodType>(c: Context, schema: Schema): z.output<Schema> {
  const query = c.req.query();
  refuseNul(query, 'query');
  const parsed = z.safeParse(schema, query);
  if (!parsed.success) throw invalidInput('query', parsed.error);
  return parsed.data;
}
