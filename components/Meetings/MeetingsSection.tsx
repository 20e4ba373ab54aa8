import { useState } from 'preact/hooks';
import type { Alumnus, Offer } from '../../utils/api';
import { useI18n } from '../../utils/i18n/context';
import type { OutboxItemStatus } from '../../utils/messaging/protocol';
import { useSend } from '../api-context';
import { OutboxStatus } from '../OutboxStatus/OutboxStatus';
import { useOutboxItem } from '../OutboxStatus/useOutboxItem';
import { MeetingList } from './MeetingList';
import { MeetingRequestForm } from './MeetingRequestForm';
import { useMeetings } from './useMeetings';

/** On a staff member's card of an alumnus: the meetings with this person, and "Propose a meeting". */
export function MeetingsSection({ alumnus, offers, pollMs }: { alumnus: Alumnus; offers: Offer[]; pollMs?: number }) {
  const { t } = useI18n();
  const send = useSend();
  const meetings = useMeetings(alumnus.id, pollMs);
  const [proposing, setProposing] = useState(false);
  const [queued, setQueued] = useState<OutboxItemStatus | null>(null);
  const item = useOutboxItem(queued, pollMs);
  const title = t('meetings.title', { name: alumnus.names.display });
  const list = meetings.state?.meetings ?? [];
  return (
    <section class="al-meetings" aria-label={title}>
      <h3 class="al-section-title">{title}</h3>
      {meetings.error && <p class="al-error">{meetings.error}</p>}
      {meetings.state && list.length === 0 && meetings.state.pending.length === 0 && <p class="al-muted">{t('meetings.none')}</p>}
      {meetings.state && (
        <MeetingList meetings={list} pending={meetings.state.pending} side="staff" showCounterpart={false} onQueued={meetings.reload} label={title} />
      )}
      {alumnus.consent.offers &&
        (proposing ? (
          <MeetingRequestForm
            idPrefix={`al-propose-${alumnus.id}`}
            offers={offers}
            onSubmit={({ message, proposedTimes, offerId }) => send('page:propose-meeting', { alumnusId: alumnus.id, offerId, message, proposedTimes })}
            onDone={(status) => {
              setProposing(false);
              if (status) {
                setQueued(status);
                meetings.reload();
              }
            }}
          />
        ) : (
          <button type="button" class="al-button" onClick={() => setProposing(true)}>
            {t('meetings.propose')}
          </button>
        ))}
      <OutboxStatus item={item} sentText={t('meetings.sent')} />
    </section>
  );
}
