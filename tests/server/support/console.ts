import { call, type Reply } from './http';

export interface ConsoleSession {
  cookie: string;
  csrfToken: string;
  origin: string;
  setCookie: string;
}

/** Signs in the way the console does: POST /session from the server's own origin; keeps the cookie it sets. */
export async function signIn(baseUrl: string, token: string): Promise<ConsoleSession> {
  const reply = await call(`${baseUrl}/api/v1/session`, { json: { token }, headers: { origin: baseUrl } });
  if (reply.status !== 201) throw new Error(`sign-in failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  const setCookie = reply.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0], csrfToken: reply.body.csrfToken, origin: baseUrl, setCookie };
}

/** A request as the console's page makes it: the cookie, its own Origin, and the CSRF token on changes. */
export function asConsole<T = any>(
  session: ConsoleSession,
  url: string,
  init: { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  return call<T>(url, {
    ...init,
    headers: { cookie: session.cookie, origin: session.origin, 'x-csrf-token': session.csrfToken, ...init.headers },
  });
}
