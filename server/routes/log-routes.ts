import { Hono } from 'hono';
import * as z from 'zod/mini';
import { InterestInput, IntroductionInput, RecordId, type InterestList, type IntroductionList } from '../../utils/api';
import type { Database } from '../db/database';
import { requireRole, staffRoles, type AppEnv } from '../http/auth';
import { parseJsonBody, parseQuery } from '../http/parse-input';
import { notFound } from '../http/problem';
import { findServedAlumnus } from '../store/alumni';
import { listInterests, registerInterest } from '../store/interests';
import { listIntroductions, logIntroduction } from '../store/introductions';

export const IntroductionsQuery = z.object({ alumnusId: RecordId });
export const InterestsQuery = z.object({ offerId: z.optional(RecordId) });

/** What users log: introductions by staff, interests by alumni. POSTs are idempotent by the client's UUID. */
export function logRoutes(db: Database) {
  return new Hono<AppEnv>()
    .post('/introductions', requireRole(db, ...staffRoles), async (c) => {
      const input = await parseJsonBody(c, IntroductionInput);
      const { introduction, created } = await logIntroduction(db, input, c.get('user'));
      return c.json(introduction, created ? 201 : 200);
    })
    .get('/introductions', requireRole(db, ...staffRoles), async (c) => {
      const { alumnusId } = parseQuery(c, IntroductionsQuery);
      if (!(await findServedAlumnus(db, alumnusId, c.get('user').role))) throw notFound(`Alumnus ${alumnusId}`);
      return c.json({ introductions: await listIntroductions(db, alumnusId, c.get('user')) } satisfies IntroductionList);
    })
    .post('/interests', requireRole(db, 'alumni'), async (c) => {
      const input = await parseJsonBody(c, InterestInput);
      const { interest, created } = await registerInterest(db, input, c.get('user'));
      return c.json(interest, created ? 201 : 200);
    })
    .get('/interests', requireRole(db, 'alumni', 'admin'), async (c) => {
      const { offerId } = parseQuery(c, InterestsQuery);
      const user = c.get('user');
      const mine = user.role === 'alumni' ? { tokenHash: user.tokenHash } : {};
      return c.json({ interests: await listInterests(db, { ...mine, offerId }) } satisfies InterestList);
    });
}
