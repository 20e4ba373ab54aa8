import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { ApiProblem } from './problem';

export const csrfHeader = 'x-csrf-token';

/**
 * Requests authenticated by the console's cookie must come from the console itself. Three layers:
 * - the cookie is SameSite=Strict, so browsers do not attach it to requests started by other sites;
 * - the Origin header (every browser sends it on POST, PUT, PATCH and DELETE) must name this server's own host;
 * - the session's CSRF token must come back in X-CSRF-Token. Another origin cannot read it (it is only in the
 *   console's memory, answered by GET /session, which carries no CORS headers) and cannot set a custom header on
 *   a cross-origin request without a preflight this server never grants.
 */
export function refuseCrossSite(c: Context, csrfToken?: string): void {
  const origin = c.req.header('origin');
  const host = c.req.header('host');
  let originHost: string | undefined;
  try {
    originHost = origin && origin !== 'null' ? new URL(origin).host : undefined;
  } catch {
    originHost = undefined;
  }
  // Behind a TLS-terminating proxy the scheme differs from what this process sees, so the host is compared.
  if (!originHost || !host || originHost !== host) {
    throw new ApiProblem(403, 'csrf_refused', 'The request did not come from the console (its Origin is missing or another site).');
  }
  if (csrfToken === undefined) return;
  const sent = Buffer.from(c.req.header(csrfHeader) ?? '', 'utf8');
  const expected = Buffer.from(csrfToken, 'utf8');
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw new ApiProblem(403, 'csrf_refused', 'The request lacks the session’s X-CSRF-Token.');
  }
}
