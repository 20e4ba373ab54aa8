import type { Meeting, MeetingHistoryEntry } from '../../../../utils/api';
import { formatMeetingTime } from '../../../../utils/i18n';
import { useI18n } from '../../../../utils/i18n/context';
import { hrefOf, onLinkClick } from '../../router';
import './MeetingsTable.css';

export interface MeetingsTableProps {
  meetings: Meeting[];
  /** Read before the rows by screen readers (the table's caption). */
  caption: string;
  /** What names each row: the offer (on an alumnus's page) or the alumnus (on an offer's). */
  rowName: 'offer' | 'alumnus';
}

function Status({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const detail = meeting.outcome ? t(`meetings.outcome.${meeting.outcome}`) : meeting.awaiting ? t(`meetings.awaiting.${meeting.awaiting}`) : undefined;
  return (
    <span class="meeting-status" data-status={meeting.status} data-outcome={meeting.outcome}>
      {t(`meetings.status.${meeting.status}`)}
      {detail ? ` · ${detail}` : ''}
    </span>
  );
}

function When({ meeting }: { meeting: Meeting }) {
  const { t, lang } = useI18n();
  if (meeting.scheduledAt) return <>{formatMeetingTime(lang, meeting.scheduledAt)}</>;
  return <>{t('meetings.proposed', { times: meeting.proposedTimes.map((time) => formatMeetingTime(lang, time)).join('; ') })}</>;
}

function HistoryEntry({ entry }: { entry: MeetingHistoryEntry }) {
  const { t, lang } = useI18n();
  const times = entry.type === 'accept' ? [] : (entry.times ?? []);
  return (
    <li>
      <span>{t(`meetings.event.${entry.type}`, { by: entry.by || t(`meetings.side.${entry.side}`) })}</span>
      <span class="muted"> · {formatMeetingTime(lang, entry.at)}</span>
      {entry.outcome && <span> · {t(`meetings.outcome.${entry.outcome}`)}</span>}
      {times.length > 0 && <div class="small">{t('meetings.proposed', { times: times.map((time) => formatMeetingTime(lang, time)).join('; ') })}</div>}
      {entry.text && <div class="meeting-text">{entry.text}</div>}
    </li>
  );
}

/**
 * Meetings (商談) as a table: what each is about, where it stands, when, who asked, and its history behind a
 * disclosure (native <details>, so it opens with Enter or Space and screen readers announce it).
 */
export function MeetingsTable({ meetings, caption, rowName }: MeetingsTableProps) {
  const { t } = useI18n();
  return (
    <div class="table-scroll">
      <table class="meetings">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowName === 'offer' ? t('meetings.offer') : t('meetings.alumnus')}</th>
            <th scope="col">{t('meetings.status')}</th>
            <th scope="col">{t('meetings.when')}</th>
            <th scope="col">{t('meetings.requestedBy')}</th>
            <th scope="col">{t('meetings.history')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => (
            <tr key={meeting.id} data-status={meeting.status}>
              <th scope="row">
                {rowName === 'offer' ? (
                  (meeting.offerTitle ?? t('meetings.noOffer'))
                ) : (
                  <a href={hrefOf(`alumni/${meeting.alumnusId}`)} onClick={onLinkClick(`alumni/${meeting.alumnusId}`)}>
                    {meeting.alumnusName}
                  </a>
                )}
              </th>
              <td>
                <Status meeting={meeting} />
              </td>
              <td>
                <When meeting={meeting} />
              </td>
              <td>
                {meeting.requestedBy.name} <span class="muted">({t(`meetings.side.${meeting.requestedBy.side}`)})</span>
              </td>
              <td>
                <details>
                  <summary>{t('meetings.historyCount', { count: meeting.history.length })}</summary>
                  <ol class="meeting-history">
                    {meeting.history.map((entry) => (
                      <HistoryEntry entry={entry} key={entry.id} />
                    ))}
                  </ol>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
