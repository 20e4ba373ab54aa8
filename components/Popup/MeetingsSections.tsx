import type { Me } from '../../utils/api';
import { useI18n } from '../../utils/i18n/context';
import { waitingForUser } from '../../utils/meetings/waiting';
import { MeetingList } from '../Meetings/MeetingList';
import { useMeetings } from '../Meetings/useMeetings';

/** What waits for the user ("2 meeting requests", with the steps to answer them), then their other meetings. */
export function MeetingsSections({ me }: { me: Me }) {
  const { t } = useI18n();
  const meetings = useMeetings(undefined);
  if (!meetings.state) return null;
  const side = me.user.role === 'alumni' ? 'alumnus' : 'staff';
  const { pending } = meetings.state;
  const waiting = waitingForUser(meetings.state.meetings, me.user.role, pending);
  const waitingIds = new Set(waiting.map((meeting) => meeting.id));
  const others = meetings.state.meetings.filter((meeting) => !waitingIds.has(meeting.id)).slice(0, 10);
  const unsent = pending.filter((p) => p.step === 'request');
  return (
    <>
      {waiting.length > 0 && (
        <section class="al-popup-card al-popup-waiting" aria-labelledby="al-popup-waiting">
          <div class="al-popup-row">
            <h2 class="al-section-title" id="al-popup-waiting">
              {t('popup.waitingTitle')}
            </h2>
            <span class="al-popup-new">
              {waiting.length === 1 ? t('popup.meetingRequests.one') : t('popup.meetingRequests.other', { count: waiting.length })}
            </span>
          </div>
          <MeetingList
            meetings={waiting}
            pending={pending.filter((p) => p.step !== 'request')}
            side={side}
            showCounterpart
            onQueued={meetings.reload}
            label={t('popup.waitingTitle')}
          />
        </section>
      )}
      {(others.length > 0 || unsent.length > 0) && (
        <section class="al-popup-card" aria-labelledby="al-popup-meetings">
          <h2 class="al-section-title" id="al-popup-meetings">
            {t('popup.meetingsTitle')}
          </h2>
          <MeetingList meetings={others} pending={pending} side={side} showCounterpart onQueued={meetings.reload} label={t('popup.meetingsTitle')} />
        </section>
      )}
    </>
  );
}
