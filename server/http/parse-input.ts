import type { Context } from 'hono';
import * as z from 'zod/mini';
import { MAX_JSON_DEPTH, nestsDeeperThan, unstorable } from './json-limits';
import { ApiProblem, invalidInput } from './problem';

type Path = (string | number)[];

/**
 * The first string (value or key) PostgreSQL could not store, and why. Iterative, so no value can
 * overflow the stack (bodies are depth-checked before parsing anyway; query and path values are flat).
 */
function firstUnstorable(value: unknown): { path: Path; message: string } | undefined {
  const stack: Array<{ value: unknown; path: Path }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: item, path } = stack.pop()!;
    if (typeof item === 'string') {
      const message = unstorable(item);
      if (message) return { path, message };
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const keyProblem = unstorable(key);
        if (keyProblem) return { path: [...path, key], message: `in a key: ${keyProblem}` };
        stack.push({ value: child, path: [...path, Array.isArray(item) ? Number(key) : key] });
      }
    }
  }
  return undefined;
}

/** NUL characters and lone surrogates cannot be stored in PostgreSQL text: refused up front with a 400. */
export function refuseNul(value: unknown, where: 'body' | 'query' | 'path'): void {
  const found = firstUnstorable(value);
  if (found) {
    throw new ApiProblem(400, 'invalid_request', `The request ${where} contains text that cannot be stored: ${found.message}.`, [found]);
  }
}

/** Reads a JSON body and parses it with a contract schema: malformed JSON and invalid fields are both 400. */
export async function parseJsonBody<Schema extends z.core.$ZodType>(c: Context, schema: Schema): Promise<z.output<Schema>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new ApiProblem(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const text = await c.req.text();
  if (nestsDeeperThan(text)) {
    throw new ApiProblem(400, 'too_deeply_nested', `The body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels.`);
  }
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
