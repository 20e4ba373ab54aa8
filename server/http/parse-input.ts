import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiProblem, invalidInput } from './problem';

/** Reads a JSON body and parses it with a contract schema: malformed JSON and invalid fields are both 400. */
export async function parseJsonBody<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<z.output<Schema>> {
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
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput('body', parsed.error);
  return parsed.data;
}

export function parseQuery<Schema extends z.ZodType>(c: Context, schema: Schema): z.output<Schema> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw invalidInput('query', parsed.error);
  return parsed.data;
}
