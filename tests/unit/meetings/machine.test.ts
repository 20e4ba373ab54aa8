import { describe, expect, it } from 'vitest';
import type { MeetingSide, MeetingStatus, MeetingStep } from '../../../utils/api';
import {
  allowedSteps,
  awaitingSide,
  initialMeetingState,
  nextMeetingState,
  type MeetingState,
  type StepRefusal,
} from '../../../utils/meetings/machine';

const T1 = '2027-01-12T10:00:00+09:00';
const T2 = '2027-01-13T15:30:00+09:00';
const T3 = '2027-01-20T09:00:00+09:00';
const iso = (time: string) => new Date(time).toISOString();

const steps: Record<MeetingStep['type'], MeetingStep> = {
  accept: { type: 'accept', time: T2 },
  decline: { type: 'decline', reason: 'Not this quarter' },
  'propose-times': { type: 'propose-times', times: [T3], message: 'Could we meet later in January?' },
  held: { type: 'held', outcome: 'follow-up', note: 'Send the proposal by Friday' },
  cancel: { type: 'cancel', reason: 'The project was postponed' },
};

/** A meeting in `status`, whose current times were proposed by `proposedBy`. */
function meeting(status: MeetingStatus, proposedBy: MeetingSide = 'alumnus'): MeetingState {
  const state = initialMeetingState(proposedBy, [T1, T2]);
  if (status === 'requested') return state;
  if (status === 'accepted') return { ...state, status, scheduledAt: iso(T2) };
  if (status === 'held') return { ...state, status, scheduledAt: iso(T2), outcome: 'deal' };
  return { ...state, status };
}

// Every (state, step, side) and what must come of it: the new status, or the refusal.
type Expectation = MeetingStatus | StepRefusal;
const table: Array<[MeetingStatus, MeetingSide /* proposedBy */, MeetingStep['type'], MeetingSide /* actor */, Expectation]> = [];
const expected = (status: MeetingStatus, proposedBy: MeetingSide, type: MeetingStep['type'], actor: MeetingSide): Expectation => {
  if (status === 'declined' || status === 'held' || status === 'cancelled') return 'final';
  if (type === 'cancel') return 'cancelled';
  if (type === 'propose-times') return 'requested';
  if (type === 'held') return actor !== 'staff' ? 'staff-only' : status === 'accepted' ? 'held' : 'not-accepted';
  // accept / decline
  if (status !== 'requested') return 'not-requested';
  if (actor === proposedBy) return 'own-proposal';
  return type === 'accept' ? 'accepted' : 'declined';
};
for (const status of ['requested', 'accepted', 'declined', 'held', 'cancelled'] as const) {
  for (const proposedBy of ['alumnus', 'staff'] as const) {
    for (const type of Object.keys(steps) as MeetingStep['type'][]) {
      for (const actor of ['alumnus', 'staff'] as const) table.push([status, proposedBy, type, actor, expected(status, proposedBy, type, actor)]);
    }
  }
}

describe('the meeting state machine', () => {
  it.each(table)('%s (times by %s): %s by %s → %s', (status, proposedBy, type, actor, outcome) => {
    const result = nextMeetingState(meeting(status, proposedBy), steps[type], actor);
    if (result.ok) {
      expect(result.state.status).toBe(outcome);
    } else {
      expect(result.code).toBe(outcome);
      expect(result.reason.length).toBeGreaterThan(10);
    }
  });

  it('covers every combination of state, proposer, step and actor', () => {
    expect(table).toHaveLength(5 * 2 * 5 * 2);
    expect(new Set(table.map((row) => row[4]))).toEqual(
      new Set(['requested', 'accepted', 'declined', 'held', 'cancelled', 'final', 'not-requested', 'not-accepted', 'own-proposal', 'staff-only']),
    );
  });

  it('accepts only one of the proposed times, compared as instants', () => {
    const requested = meeting('requested', 'alumnus');
    const sameInstant = nextMeetingState(requested, { type: 'accept', time: '2027-01-13T06:30:00.000Z' }, 'staff');
    expect(sameInstant).toEqual({ ok: true, state: expect.objectContaining({ status: 'accepted', scheduledAt: iso(T2) }) });
    const other = nextMeetingState(requested, { type: 'accept', time: T3 }, 'staff');
    expect(other).toMatchObject({ ok: false, code: 'time-not-proposed' });
    if (!other.ok) expect(other.reason).toContain(T3);
  });

  it('a counter-proposal hands the answer to the other side, and a new date reopens an accepted meeting', () => {
    const requested = meeting('requested', 'alumnus');
    expect(awaitingSide(requested)).toBe('staff');
    const counter = nextMeetingState(requested, steps['propose-times'], 'staff');
    if (!counter.ok) throw new Error(counter.reason);
    expect(counter.state).toEqual({ status: 'requested', proposedBy: 'staff', proposedTimes: [iso(T3)] });
    expect(awaitingSide(counter.state)).toBe('alumnus');
    // The side that proposed cannot accept its own times; the other side can.
    expect(nextMeetingState(counter.state, { type: 'accept', time: T3 }, 'staff')).toMatchObject({ ok: false, code: 'own-proposal' });
    expect(nextMeetingState(counter.state, { type: 'accept', time: T3 }, 'alumnus')).toMatchObject({ ok: true, state: { status: 'accepted' } });

    const rescheduled = nextMeetingState(meeting('accepted'), steps['propose-times'], 'alumnus');
    expect(rescheduled).toMatchObject({ ok: true, state: { status: 'requested', proposedBy: 'alumnus', proposedTimes: [iso(T3)] } });
    if (rescheduled.ok) expect(rescheduled.state.scheduledAt).toBeUndefined();
  });

  it('records the outcome when staff say the meeting was held', () => {
    expect(nextMeetingState(meeting('accepted'), steps.held, 'staff')).toEqual({
      ok: true,
      state: { status: 'held', proposedBy: 'alumnus', proposedTimes: [iso(T1), iso(T2)], scheduledAt: iso(T2), outcome: 'follow-up' },
    });
  });

  it('offers each side exactly the steps it may take', () => {
    expect(allowedSteps(meeting('requested', 'alumnus'), 'staff')).toEqual(['accept', 'decline', 'propose-times', 'cancel']);
    expect(allowedSteps(meeting('requested', 'alumnus'), 'alumnus')).toEqual(['propose-times', 'cancel']);
    expect(allowedSteps(meeting('accepted'), 'staff')).toEqual(['propose-times', 'held', 'cancel']);
    expect(allowedSteps(meeting('accepted'), 'alumnus')).toEqual(['propose-times', 'cancel']);
    for (const status of ['declined', 'held', 'cancelled'] as const) {
      expect(allowedSteps(meeting(status), 'staff')).toEqual([]);
      expect(allowedSteps(meeting(status), 'alumnus')).toEqual([]);
    }
  });
});
