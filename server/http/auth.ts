import { createMiddleware } from 'hono/factory';
import type { Role } from '../../utils/api';
import type { Database } from '../db/database';
import { findUserByToken, type ApiUser } from '../store/tokens';
import { ApiProblem } from './problem';

export type AppEnv = { Variables: { user: ApiUser } };

/** Bearer-token authentication plus a role check: 401 without a valid token, 403 for a role not listed. */
export function requireRole(db: Database, ...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(header);
    const user = match ? await findUserByToken(db, match[1]) : undefined;
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
