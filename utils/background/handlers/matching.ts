import type { Role } from '../../api';
import { fittingOffers, profileOf } from '../../matching/rank';
import { openOffers } from '../offers';
import { getMeta, readAlumni } from '../../db';
import { allowedSteps, stateOfMeeting } from '../../meetings/machine';
import type { Handlers } from '../../messaging/router';
import { updateOfferBadge } from '../badge';
import type { WorkerContext } from '../context';
import { pendingMatching, readMeetings } from '../meetings';

type MatchingHandlers = Pick<Handlers, 'page:offer-fits' | 'page:meetings' | 'page:request-meeting' | 'page:propose-meeting' | 'page:meeting-step' | 'page:suggest-offer'>;

const stepNames = { accept: 'accept', decline: 'decline', 'propose-times': 'propose other times', held: 'record as held', cancel: 'cancel' };

/** The role of the signed-in user; a step meant for other roles is refused before anything is queued. */
async function requireRole(ctx: WorkerContext, allowed: (role: Role) => boolean, what: string): Promise<Role> {
  const me = await getMeta(ctx.db, 'me');
  if (!me) throw new Error('Alumni Lens is not connected to the alumni backend yet.');
  if (!allowed(me.user.role)) throw new Error(`The ${me.user.role} role cannot ${what}.`);
  return me.user.role;
}

/**
 * Meetings and suggestions from the sidebar and the popup. Every step is written to the durable outbox before
 * any network call (queued, retried, delivered exactly once); the badge follows what still waits for the user.
 */
export function matchingHandlers(ctx: WorkerContext): MatchingHandlers {
  const queued = async <T>(work: Promise<T>): Promise<T> => {
    const status = await work;
    await updateOfferBadge(ctx.db).catch(() => undefined);
    return status;
  };
  return {
    'page:offer-fits': async ({ alumnusId }) => {
      await requireRole(ctx, (role) => role !== 'alumni', 'see which offers fit an alumnus');
      const [alumnus] = await readAlumni(ctx.db, [alumnusId]);
      // Offers are not put to alumni who did not agree to hear about them.
      if (!alumnus?.consent.offers) return { fits: [] };
      return { fits: fittingOffers(profileOf(alumnus, alumnus.showcase), await openOffers(ctx.db)) };
    },
    'page:meetings': async ({ alumnusId }) => {
      const [meetings, pending] = await Promise.all([readMeetings(ctx.db, alumnusId), pendingMatching(ctx.db)]);
      const ids = new Set(meetings.map((meeting) => meeting.id));
      const concerns = (p: (typeof pending)[number]) =>
        alumnusId === undefined || p.alumnusId === alumnusId || (p.meetingId !== undefined && ids.has(p.meetingId));
      return { meetings, pending: pending.filter(concerns) };
    },
    'page:request-meeting': async ({ offerId, message, proposedTimes }) => {
      await requireRole(ctx, (role) => role === 'alumni', 'request a meeting about an offer');
      return queued(ctx.outbox.requestMeeting({ offerId, message, proposedTimes }));
    },
    'page:propose-meeting': async ({ alumnusId, offerId, message, proposedTimes }) => {
      await requireRole(ctx, (role) => role !== 'alumni', 'propose a meeting to an alumnus');
      return queued(ctx.outbox.requestMeeting({ alumnusId, offerId, message, proposedTimes }));
    },
    'page:meeting-step': async ({ meetingId, step }) => {
      const role = await requireRole(ctx, () => true, 'take a meeting step');
      // Refused at once when the synced meeting says the step cannot fit; the backend has the last word.
      const meeting = (await readMeetings(ctx.db)).find((m) => m.id === meetingId);
      if (meeting && !allowedSteps(stateOfMeeting(meeting), role === 'alumni' ? 'alumnus' : 'staff').includes(step.type)) {
        throw new Error(`You cannot ${stepNames[step.type]} this meeting now (it is ${meeting.status}).`);
      }
      return queued(ctx.outbox.meetingStep(meetingId, step));
    },
    'page:suggest-offer': async ({ alumnusId, offerId, note }) => {
      await requireRole(ctx, (role) => role !== 'alumni', 'suggest offers to alumni');
      return queued(ctx.outbox.suggestOffer({ alumnusId, offerId, note }));
    },
  };
}
