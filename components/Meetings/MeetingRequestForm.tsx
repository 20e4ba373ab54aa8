import { useState } from 'preact/hooks';
import type { Offer } from '../../utils/api';
import { useI18n } from '../../utils/i18n/context';
import type { OutboxItemStatus } from '../../utils/messaging/protocol';
import { emptyTimes, MeetingTimesField, proposedTimesOf } from './MeetingTimesField';

export interface MeetingRequestValues {
  message?: string;
  proposedTimes: string[];
  offerId?: string;
}

export interface MeetingRequestFormProps {
  idPrefix: string;
  /** Staff choose which offer (if any) the meeting is about. */
  offers?: Offer[];
  onSubmit: (values: MeetingRequestValues) => Promise<OutboxItemStatus>;
  onDone: (queued: OutboxItemStatus | null) => void;
}

/** A meeting request (alumnus, about an offer) or proposal (staff, to an alumnus): message and up to three times. */
export function MeetingRequestForm({ idPrefix, offers, onSubmit, onDone }: MeetingRequestFormProps) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const [offerId, setOfferId] = useState(offers?.[0]?.id ?? '');
  const [times, setTimes] = useState(emptyTimes);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const proposed = proposedTimesOf(times);
    if ('problem' in proposed) return setProblem(t(proposed.problem));
    try {
      const trimmed = message.trim();
      onDone(await onSubmit({ proposedTimes: proposed.times, ...(trimmed && { message: trimmed }), ...(offerId && { offerId }) }));
    } catch (error) {
      setProblem(t('intro.state.error', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <form class="al-meeting-form" onSubmit={submit} aria-describedby={problem ? `${idPrefix}-problem` : undefined}>
      {offers && (
        <label class="al-field">
          {t('meetings.offer')}
          <select value={offerId} onChange={(e) => setOfferId((e.currentTarget as HTMLSelectElement).value)}>
            {offers.map((offer) => (
              <option key={offer.id} value={offer.id}>
                {offer.title}
              </option>
            ))}
            <option value="">{t('meetings.noOffer')}</option>
          </select>
        </label>
      )}
      <label class="al-field">
        {t('meetings.message')}
        <textarea maxLength={2000} value={message} onInput={(e) => setMessage((e.currentTarget as HTMLTextAreaElement).value)} ref={(el) => el?.focus()} />
      </label>
      <MeetingTimesField idPrefix={idPrefix} value={times} onChange={setTimes} />
      {problem && (
        <p class="al-error" id={`${idPrefix}-problem`} role="alert">
          {problem}
        </p>
      )}
      <div class="al-offer-actions">
        <button class="al-button" data-variant="primary" type="submit">
          {t('meetings.send')}
        </button>
        <button class="al-button" data-variant="quiet" type="button" onClick={() => onDone(null)}>
          {t('offers.cancel')}
        </button>
      </div>
    </form>
  );
}
