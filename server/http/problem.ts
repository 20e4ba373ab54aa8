import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod/mini';
import type { ApiError } from '../../utils/api';

type Issue = NonNullable<ApiError['error']['issues']>[number];

/** An error the API answers on purpose, in the contract's ApiError shape. Thrown by handlers, rendered by onError. */
export class ApiProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

export function problemBody(code: string, message: string, issues?: Issue[]): ApiError {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

export function sendProblem(c: Context, problem: ApiProblem): Response {
  return c.json(problemBody(problem.code, problem.message, problem.issues), problem.status);
}

/** zod's findings as field paths and messages (symbols, which JSON cannot carry, become strings). */
export function zodIssues(error: z.core.$ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
}

export function invalidInput(where: 'body' | 'query' | 'path', error: z.core.$ZodError): ApiProblem {
  return new ApiProblem(400, 'invalid_request', `The request ${where} does not match the API contract.`, zodIssues(error));
}

export const notFound = (what: string) => new ApiProblem(404, 'not_found', `${what} was not found.`);
