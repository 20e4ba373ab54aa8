import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  MeetingEventInput,
  MeetingInput,
  ShowcaseInput,
  SuggestionInput,
  SyncQuery,
  type MeetingsPage,
  type MyProfile,
} from '../../utils/api';
import type { Database } from '../db/database';
import { anyRole, requireRole, staffRoles, type AppEnv } from '../http/auth';
import { parseJsonBody, parseQuery, refuseNul } from '../http/parse-input';
import { ApiProblem, invalidInput, notFound } from '../http/problem';
import { findOwnRecord } from '../store/alumni';
import { applyMeetingEvent, createMeeting, meetingsPage } from '../store/meetings';
import { getShowcase, putShowcase } from '../store/showcases';
import { suggestionsFor, suggestOffer } from '../store/suggestions';
import type { ApiUser } from '../store/tokens';

export const MeetingIdPath = z.object({ id: z.uuid() });

/** The directory record an alumni token belongs to; tokens made before migration 010 may name none. */
function ownAlumnusId(user: ApiUser): string {
  if (!user.alumnusId) {
    throw new ApiProblem(409, 'token_not_linked', 'This alumni token is not linked to an alumnus record; ask the alumni office for a new one.');
  }
  return user.alumnusId;
}

function meetingIdParam(value: string | undefined): string {
  refuseNul(value, 'path');
  const parsed = MeetingIdPath.safeParse({ id: value });
  if (!parsed.success) throw invalidInput('path', parsed.error);
  return parsed.data.id;
}

/** Business matching: alumni showcases, staff suggestions, and 商談 meetings from request to outcome. */
export function matchingRoutes(db: Database) {
  return new Hono<AppEnv>()
    .get('/me/profile', requireRole(db, 'alumni'), async (c) => {
      const alumnusId = ownAlumnusId(c.get('user'));
      const alumnus = await findOwnRecord(db, alumnusId);
      if (!alumnus) throw notFound(`Alumnus ${alumnusId}`);
      const { showcase: _, ...record } = alumnus;
      const [showcase, suggestions] = await Promise.all([getShowcase(db, alumnusId), suggestionsFor(db, alumnusId)]);
      return c.json({ alumnus: record, showcase: showcase ?? null, suggestions } satisfies MyProfile);
    })
    .get('/me/showcase', requireRole(db, 'alumni'), async (c) => {
      const alumnusId = ownAlumnusId(c.get('user'));
      const showcase = await getShowcase(db, alumnusId);
      if (!showcase) throw new ApiProblem(404, 'not_found', 'No showcase yet: PUT one to create it.');
      return c.json(showcase);
    })
    .put('/me/showcase', requireRole(db, 'alumni'), async (c) => {
      const alumnusId = ownAlumnusId(c.get('user'));
      return c.json(await putShowcase(db, alumnusId, await parseJsonBody(c, ShowcaseInput)));
    })
    .post('/suggestions', requireRole(db, ...staffRoles), async (c) => {
      const { suggestion, created } = await suggestOffer(db, await parseJsonBody(c, SuggestionInput), c.get('user'));
      return c.json(suggestion, created ? 201 : 200);
    })
    .post('/meetings', requireRole(db, ...anyRole), async (c) => {
      const { meeting, created } = await createMeeting(db, await parseJsonBody(c, MeetingInput), c.get('user'));
      return c.json(meeting, created ? 201 : 200);
    })
    .get('/meetings', requireRole(db, ...anyRole), async (c) => {
      const { since, limit } = parseQuery(c, SyncQuery);
      return c.json((await meetingsPage(db, c.get('user'), since, limit)) satisfies MeetingsPage);
    })
    .post('/meetings/:id/events', requireRole(db, ...anyRole), async (c) => {
      const id = meetingIdParam(c.req.param('id'));
      const { meeting, created } = await applyMeetingEvent(db, id, await parseJsonBody(c, MeetingEventInput), c.get('user'));
      return c.json(meeting, created ? 201 : 200);
    });
}
