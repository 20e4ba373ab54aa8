import { useState } from 'preact/hooks';
import type { Meeting, MeetingOutcome, MeetingSide, MeetingStep, MeetingStepType } from '../../utils/api';
import { formatMeetingTime } from '../../utils/i18n';
import { useI18n } from '../../utils/i18n/context';
import { allowedSteps, stateOfMeeting } from '../../utils/meetings/machine';
import { useSend } from '../api-context';
import { emptyTimes, MeetingTimesField, proposedTimesOf } from './MeetingTimesField';

const labels: Record<MeetingStepType, 'meetings.accept' | 'meetings.decline' | 'meetings.proposeOther' | 'meetings.held' | 'meetings.cancel'> = {
  accept: 'meetings.accept',
  decline: 'meetings.decline',
  'propose-times': 'meetings.proposeOther',
  held: 'meetings.held',
  cancel: 'meetings.cancel',
};

/**
 * The steps this side may take now (the state machine says which), each opening a small form: accept asks which
 * proposed time, propose-times asks for new ones, held asks for the outcome. Sent through the outbox.
 */
export function MeetingActions({ meeting, side, onQueued }: { meeting: Meeting; side: MeetingSide; onQueued: () => void }) {
  const { t, lang } = useI18n();
  const send = useSend();
  const steps = allowedSteps(stateOfMeeting(meeting), side);
  const [open, setOpen] = useState<MeetingStepType | null>(null);
  const [time, setTime] = useState(meeting.proposedTimes[0] ?? '');
  const [times, setTimes] = useState(emptyTimes);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<MeetingOutcome>('deal');
  const [problem, setProblem] = useState<string | null>(null);
  const idPrefix = `al-meeting-${meeting.id}`;
  if (steps.length === 0) return null;

  function stepToSend(type: MeetingStepType): MeetingStep | string {
    const note = text.trim() || undefined;
    switch (type) {
      case 'accept':
        return { type, time };
      case 'propose-times': {
        const proposed = proposedTimesOf(times);
        return 'problem' in proposed ? t(proposed.problem) : { type, times: proposed.times, message: note };
      }
      case 'held':
        return { type, outcome, note };
      default:
        return { type, reason: note };
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!open) return;
    const step = stepToSend(open);
    if (typeof step === 'string') return setProblem(step);
    try {
      await send('page:meeting-step', { meetingId: meeting.id, step });
      setOpen(null);
      setProblem(null);
      onQueued();
    } catch (error) {
      setProblem(t('intro.state.error', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  if (!open) {
    return (
      <div class="al-meeting-actions">
        {steps.map((type) => (
          <button
            key={type}
            type="button"
            class="al-button"
            data-variant={type === 'accept' ? 'primary' : type === 'cancel' || type === 'decline' ? 'quiet' : undefined}
            data-step={type}
            onClick={() => {
              setOpen(type);
              setProblem(null);
            }}
          >
            {t(labels[type])}
          </button>
        ))}
      </div>
    );
  }

  return (
    <form class="al-meeting-form" data-step={open} onSubmit={submit}>
      {open === 'accept' && (
        <fieldset>
          <legend>{t('meetings.chooseTime')}</legend>
          {meeting.proposedTimes.map((proposed, i) => (
            <label key={proposed} class="al-choice">
              <input type="radio" name={`${idPrefix}-time`} value={proposed} checked={time === proposed} onChange={() => setTime(proposed)} ref={i === 0 ? (el) => el?.focus() : undefined} />
              {formatMeetingTime(lang, proposed)}
            </label>
          ))}
        </fieldset>
      )}
      {open === 'propose-times' && <MeetingTimesField idPrefix={idPrefix} value={times} onChange={setTimes} />}
      {open === 'held' && (
        <label class="al-field">
          {t('meetings.outcome')}
          <select value={outcome} onChange={(e) => setOutcome((e.currentTarget as HTMLSelectElement).value as MeetingOutcome)} ref={(el) => el?.focus()}>
            {(['deal', 'follow-up', 'no-deal'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`meetings.outcome.${value}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {open !== 'accept' && (
        <label class="al-field">
          {t(open === 'held' ? 'meetings.note' : open === 'propose-times' ? 'meetings.message' : 'meetings.reason')}
          <textarea
            maxLength={2000}
            value={text}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
            ref={open === 'decline' || open === 'cancel' ? (el) => el?.focus() : undefined}
          />
        </label>
      )}
      {problem && (
        <p class="al-error" role="alert">
          {problem}
        </p>
      )}
      <div class="al-offer-actions">
        <button class="al-button" data-variant="primary" type="submit">
          {t(labels[open])}
        </button>
        <button class="al-button" data-variant="quiet" type="button" onClick={() => setOpen(null)}>
          {t('meetings.back')}
        </button>
      </div>
    </form>
  );
}
