import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SessionInput, type Session } from '../../utils/api/console';
import type { Database } from '../db/database';
import { sessionCookie, type AppEnv } from '../http/auth';
import { refuseCrossSite } from '../http/csrf';
import { parseJsonBody } from '../http/parse-input';
import { ApiProblem } from '../http/problem';
import { recordAudit } from '../store/audit';
import { createSession, deleteSession, defaultSessionLimits, findSession, type ConsoleSession } from '../store/sessions';
import { findUserByToken } from '../store/tokens';

/** Served over HTTPS (directly or behind a proxy that says so), the cookie is also Secure. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0].trim() === 'https';
}

function present(session: ConsoleSession): Session {
  return { user: { name: session.user.name, role: session.user.role }, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
}

/**
 * The console's sign-in: a pasted token becomes a session whose id lives only in an HttpOnly, SameSite=Strict
 * cookie; the token itself is never stored by the browser. Alumni tokens are refused (the console is for staff).
 */
export function sessionRoutes(db: Database) {
  const limits = (c: Context<AppEnv>) => c.get('sessionLimits') ?? defaultSessionLimits;
  return new Hono<AppEnv>()
    .post('/session', async (c) => {
      // Signing someone in from another site (login CSRF) is refused like any other cross-site write.
      refuseCrossSite(c);
      const { token } = await parseJsonBody(c, SessionInput);
      const user = await findUserByToken(db, token);
      if (!user) throw new ApiProblem(401, 'unauthorized', 'This token is not valid (it may have been revoked).');
      if (user.role === 'alumni') throw new ApiProblem(403, 'forbidden', 'The console is for the alumni programme’s staff; alumni tokens cannot sign in.');
      const { id, session } = await createSession(db, user, limits(c));
      setCookie(c, sessionCookie, id, {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c),
        maxAge: limits(c).maxHours * 3600,
      });
      await recordAudit(db, user, 'session.sign-in');
      return c.json(present(session), 201);
    })
    .get('/session', async (c) => {
      const id = getCookie(c, sessionCookie);
      const session = id ? await findSession(db, id, limits(c)) : undefined;
      if (!session) throw new ApiProblem(401, id ? 'session_expired' : 'unauthorized', 'Not signed in to the console.');
      return c.json(present(session));
    })
    .delete('/session', async (c) => {
      const id = getCookie(c, sessionCookie);
      const session = id ? await findSession(db, id, limits(c)) : undefined;
      if (id && session) {
        refuseCrossSite(c, session.csrfToken);
        await deleteSession(db, id);
        await recordAudit(db, session.user, 'session.sign-out');
      }
      deleteCookie(c, sessionCookie, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
      return c.body(null, 204);
    });
}
