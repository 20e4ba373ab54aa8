import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../utils/api';
import type { Database } from '../db/database';
import { defaultSessionLimits, findSession, type SessionLimits } from '../store/sessions';
import { findUserByToken, type ApiUser } from '../store/tokens';
import { refuseCrossSite } from './csrf';
import { ApiProblem } from './problem';

/**
 * `via` tells a client's bearer token from a console session (only clients count as having synced).
 * `sessionLimits` is set once for the whole app (createApp), so routes need not pass it around.
 */
export type AppEnv = { Variables: { user: ApiUser & { via: 'token' | 'session' }; sessionLimits: SessionLimits } };

export const sessionCookie = 'alumni_lens_session';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The user behind the request: a bearer token (the extension, scripts), else the console's session cookie. */
async function authenticate(db: Database, c: Context<AppEnv>): Promise<AppEnv['Variables']['user'] | undefined> {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(header);
    const user = match ? await findUserByToken(db, match[1]) : undefined;
    return user && { ...user, via: 'token' };
  }
  const cookie = getCookie(c, sessionCookie);
  if (!cookie) return undefined;
  const session = await findSession(db, cookie, c.get('sessionLimits') ?? defaultSessionLimits);
  if (!session) throw new ApiProblem(401, 'session_expired', 'The console session has ended; sign in again.');
  // A cookie goes with every request the browser makes, so a changing request must prove it came from the console.
  if (!safeMethods.has(c.req.method)) refuseCrossSite(c, session.csrfToken);
  return { ...session.user, via: 'session' };
}

/** Authentication plus a role check: 401 without a valid token or session, 403 for a role not listed. */
export function requireRole(db: Database, ...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = await authenticate(db, c);
    if (!user) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new ApiProblem(401, 'unauthorized', 'Send a valid API token as "Authorization: Bearer <token>".');
    }
    if (!roles.includes(user.role)) {
      throw new ApiProblem(403, 'forbidden', `The ${user.role} role cannot use this endpoint (allowed: ${roles.join(', ')}).`);
    }
    c.set('user', user);
    await next();
  });
}

export const anyRole: Role[] = ['admin', 'recruiter', 'sales', 'alumni'];
export const staffRoles: Role[] = ['admin', 'recruiter', 'sales'];
