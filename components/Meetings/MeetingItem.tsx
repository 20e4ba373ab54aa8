import type { Meeting, MeetingSide } from '../../utils/api';
import { formatDate, formatMeetingTime } from '../../utils/i18n';
import { useI18n } from '../../utils/i18n/context';
import type { PendingMatchingItem } from '../../utils/messaging/protocol';
import { BusinessCards } from './BusinessCards';
import { MeetingActions } from './MeetingActions';
import { PendingLine } from './PendingLine';

export interface MeetingItemProps {
  meeting: Meeting;
  side: MeetingSide;
  /** The user's steps on this meeting still in the outbox (or refused). */
  pending: PendingMatchingItem[];
  /** Name the other side (the popup lists everyone's meetings; a person's card does not need it). */
  showCounterpart: boolean;
  onQueued: () => void;
}

/** The other side of the meeting, as the user knows them. */
function counterpart(meeting: Meeting, side: MeetingSide): string | undefined {
  if (side === 'staff') return meeting.alumnusName;
  return meeting.cards?.staff.name ?? (meeting.requestedBy.side === 'staff' ? meeting.requestedBy.name : undefined);
}

/** One meeting: what it is about, where it stands, its times, the business cards once accepted, the steps open to the user, its history. */
export function MeetingItem({ meeting, side, pending, showCounterpart, onQueued }: MeetingItemProps) {
  const { t, lang } = useI18n();
  const headingId = `al-meeting-title-${meeting.id}`;
  const waiting = pending.some((p) => p.item.state === 'queued' || p.item.state === 'sending');
  const other = counterpart(meeting, side);
  const awaiting = meeting.awaiting === side ? t('meetings.awaiting.you') : meeting.awaiting ? t(`meetings.awaiting.${meeting.awaiting}`) : null;
  // The latest message, reason or note: what the other side said last is what the user answers.
  const said = [...meeting.history].reverse().find((entry) => entry.text);
  return (
    <li class="al-meeting" data-status={meeting.status} data-awaiting={meeting.awaiting === side ? 'you' : 'other'} aria-labelledby={headingId}>
      <div class="al-meeting-head">
        <span class="al-meeting-status" data-status={meeting.status}>
          {t(`meetings.status.${meeting.status}`)}
        </span>
        {awaiting && <span class="al-meeting-awaiting">{awaiting}</span>}
      </div>
      <h4 class="al-meeting-title" id={headingId}>
        {meeting.offerTitle ? t('meetings.about', { offer: meeting.offerTitle }) : t('meetings.general', { name: side === 'staff' ? meeting.alumnusName : (other ?? '') })}
      </h4>
      {showCounterpart && other && <p class="al-muted">{t('meetings.with', { name: other })}</p>}
      {said && (
        <blockquote class="al-meeting-said">
          <q>{said.text}</q> <cite>— {said.by}</cite>
        </blockquote>
      )}
      {meeting.scheduledAt && meeting.status !== 'requested' ? (
        <p class="al-meeting-when">{t('meetings.scheduled', { time: formatMeetingTime(lang, meeting.scheduledAt) })}</p>
      ) : (
        meeting.status === 'requested' && (
          <p class="al-meeting-when">
            {t('meetings.proposedTimes')}: {meeting.proposedTimes.map((time) => formatMeetingTime(lang, time)).join(' / ')}
          </p>
        )
      )}
      {meeting.outcome && <p class="al-meeting-outcome">{t('meetings.heldLine', { outcome: t(`meetings.outcome.${meeting.outcome}`) })}</p>}
      {meeting.cards && <BusinessCards cards={meeting.cards} side={side} />}
      {pending.map((p) => (
        <PendingLine key={p.item.id} pending={p} />
      ))}
      {!waiting && <MeetingActions meeting={meeting} side={side} onQueued={onQueued} />}
      <details class="al-meeting-history">
        <summary>{t('meetings.history')}</summary>
        <ol>
          {meeting.history.map((entry) => (
            <li key={entry.id}>
              {t(`meetings.event.${entry.type}`, { by: entry.by, date: formatDate(lang, entry.at) })}
              {entry.times && entry.type !== 'request' && `: ${entry.times.map((time) => formatMeetingTime(lang, time)).join(' / ')}`}
              {entry.outcome && ` — ${t(`meetings.outcome.${entry.outcome}`)}`}
              {entry.text && <q>{entry.text}</q>}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}
