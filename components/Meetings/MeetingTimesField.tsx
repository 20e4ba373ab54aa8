import { useI18n } from '../../utils/i18n/context';

/** Up to three proposed times, as the inputs hold them (local "YYYY-MM-DDTHH:mm", or empty). */
export type TimeInputs = [string, string, string];
export const emptyTimes = (): TimeInputs => ['', '', ''];

/** The filled-in times as instants, or the problem to show: at least one, all different. */
export function proposedTimesOf(inputs: TimeInputs): { times: string[] } | { problem: 'meetings.needTime' | 'meetings.sameTimes' } {
  const times = inputs.filter((value) => value !== '').map((value) => new Date(value)).filter((date) => !Number.isNaN(date.getTime()));
  if (times.length === 0) return { problem: 'meetings.needTime' };
  if (new Set(times.map((date) => date.getTime())).size !== times.length) return { problem: 'meetings.sameTimes' };
  return { times: times.map((date) => date.toISOString()) };
}

/** A group of three date-and-time inputs with one legend; the browser's own picker is keyboard usable. */
export function MeetingTimesField({ idPrefix, value, onChange }: { idPrefix: string; value: TimeInputs; onChange: (next: TimeInputs) => void }) {
  const { t } = useI18n();
  return (
    <fieldset class="al-meeting-times">
      <legend>{t('meetings.times')}</legend>
      {value.map((time, i) => (
        <label key={i} class="al-field" for={`${idPrefix}-time-${i}`}>
          {t('meetings.time', { n: i + 1 })}
          <input
            id={`${idPrefix}-time-${i}`}
            type="datetime-local"
            value={time}
            onInput={(e) => {
              const next = [...value] as TimeInputs;
              next[i] = (e.currentTarget as HTMLInputElement).value;
              onChange(next);
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}
