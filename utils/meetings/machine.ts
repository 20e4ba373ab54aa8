import type { Meeting, MeetingOutcome, MeetingSide, MeetingStatus, MeetingStep, MeetingStepType } from '../api/meeting';

// The life of a 商談, as a pure function of its state and one step. The server applies every event through
// `nextMeetingState` (a step that does not fit is refused with the reason, HTTP 409), and the extension asks
// `allowedSteps` which buttons to offer, so both sides follow the same rules.
//
//   requested ──accept (the side that did not propose, one of the proposed times)──▶ accepted
//   requested ──decline (the side that did not propose)──▶ declined
//   requested / accepted ──propose-times (either side)──▶ requested, now awaiting the other side
//   accepted ──held (staff, with the outcome)──▶ held
//   requested / accepted ──cancel (either side)──▶ cancelled
//   declined, held and cancelled are final.

export interface MeetingState {
  status: MeetingStatus;
  /** The side that proposed the current times; the other side answers them. */
  proposedBy: MeetingSide;
  proposedTimes: string[];
  scheduledAt?: string;
  outcome?: MeetingOutcome;
}

export type StepRefusal =
  | 'final'
  | 'not-requested'
  | 'not-accepted'
  | 'own-proposal'
  | 'time-not-proposed'
  | 'staff-only';

export type StepResult = { ok: true; state: MeetingState } | { ok: false; code: StepRefusal; reason: string };

const FINAL: ReadonlySet<MeetingStatus> = new Set(['declined', 'held', 'cancelled']);
const STEP_TYPES: readonly MeetingStepType[] = ['accept', 'decline', 'propose-times', 'held', 'cancel'];

/** A meeting as it starts: requested by `side`, with the times it proposed. */
export function initialMeetingState(side: MeetingSide, proposedTimes: string[]): MeetingState {
  return { status: 'requested', proposedBy: side, proposedTimes: proposedTimes.map(normaliseTime) };
}

/** The machine's state of a meeting as the API serves it (who proposed follows from whose answer it awaits). */
export function stateOfMeeting(meeting: Pick<Meeting, 'status' | 'awaiting' | 'proposedTimes' | 'scheduledAt' | 'outcome'>): MeetingState {
  return {
    status: meeting.status,
    proposedBy: meeting.awaiting ? otherSide(meeting.awaiting) : 'alumnus',
    proposedTimes: meeting.proposedTimes,
    ...(meeting.scheduledAt && { scheduledAt: meeting.scheduledAt }),
    ...(meeting.outcome && { outcome: meeting.outcome }),
  };
}

export function isFinal(status: MeetingStatus): boolean {
  return FINAL.has(status);
}

/** While requested, the side whose answer the meeting waits for. */
export function awaitingSide(state: MeetingState): MeetingSide | undefined {
  return state.status === 'requested' ? otherSide(state.proposedBy) : undefined;
}

export function otherSide(side: MeetingSide): MeetingSide {
  return side === 'alumnus' ? 'staff' : 'alumnus';
}

/** Times compare as instants: "2027-01-10T10:00:00+09:00" and "2027-01-10T01:00:00.000Z" are one time. */
export function normaliseTime(time: string): string {
  return new Date(time).toISOString();
}

function refuse(code: StepRefusal, reason: string): StepResult {
  return { ok: false, code, reason };
}

/** The state after `step` taken by `side`, or why the step does not fit the meeting now. */
export function nextMeetingState(state: MeetingState, step: MeetingStep, side: MeetingSide): StepResult {
  if (isFinal(state.status)) {
    return refuse('final', `The meeting is already ${state.status}; no further step is possible.`);
  }
  switch (step.type) {
    case 'accept':
    case 'decline': {
      if (state.status !== 'requested') {
        return refuse('not-requested', `Only a requested meeting can be ${step.type === 'accept' ? 'accepted' : 'declined'}; this one is ${state.status}.`);
      }
      if (side === state.proposedBy) {
        return refuse('own-proposal', `The ${side} side proposed these times; the ${otherSide(side)} side answers them.`);
      }
      if (step.type === 'decline') return { ok: true, state: { ...state, status: 'declined' } };
      const time = normaliseTime(step.time);
      if (!state.proposedTimes.includes(time)) {
        return refuse('time-not-proposed', `${step.time} is not one of the proposed times (${state.proposedTimes.join(', ')}).`);
      }
      return { ok: true, state: { ...state, status: 'accepted', scheduledAt: time } };
    }
    case 'propose-times':
      // A counter-proposal while requested, or a new date for an accepted meeting: either way the other side answers next.
      return {
        ok: true,
        state: { status: 'requested', proposedBy: side, proposedTimes: step.times.map(normaliseTime) },
      };
    case 'held':
      if (side !== 'staff') return refuse('staff-only', 'Only staff record that a meeting was held, with its outcome.');
      if (state.status !== 'accepted') {
        return refuse('not-accepted', `Only an accepted meeting can be recorded as held; this one is ${state.status}.`);
      }
      return { ok: true, state: { ...state, status: 'held', outcome: step.outcome } };
    case 'cancel':
      return { ok: true, state: { ...state, status: 'cancelled' } };
  }
}

/** The steps `side` may take now (which buttons the extension shows). */
export function allowedSteps(state: MeetingState, side: MeetingSide): MeetingStepType[] {
  return STEP_TYPES.filter((type) => nextMeetingState(state, sampleStep(type, state), side).ok);
}

/** A well-formed step of each type, to ask the machine whether that type fits (accept picks a proposed time). */
function sampleStep(type: MeetingStepType, state: MeetingState): MeetingStep {
  switch (type) {
    case 'accept':
      return { type, time: state.proposedTimes[0] ?? new Date(0).toISOString() };
    case 'propose-times':
      return { type, times: [new Date(0).toISOString()] };
    case 'held':
      return { type, outcome: 'deal' };
    default:
      return { type };
  }
}
