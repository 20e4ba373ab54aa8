import type { MatchReason } from '../../utils/messaging/protocol';
import { useI18n } from '../../utils/i18n/context';

/** Who the reasons are told to: the alumnus ("your skills"), staff about an alumnus ("their skills"), or an organisation's list. */
export type ReasonAudience = 'you' | 'they' | 'org';

export function useReasonText() {
  const { t } = useI18n();
  return (reason: MatchReason, audience: ReasonAudience) => t(`reason.${audience}.${reason.code}`, reason.params);
}

/** Why an offer fits (or an alumnus fits an offer): one short line each, "suggested by" set apart. */
export function MatchReasons({ reasons, audience }: { reasons: MatchReason[]; audience: ReasonAudience }) {
  const { t } = useI18n();
  const text = useReasonText();
  if (reasons.length === 0) return null;
  return (
    <ul class="al-reasons" aria-label={t('reasons.label')}>
      {reasons.map((reason, i) => (
        <li key={reason.code + i} data-code={reason.code}>
          {text(reason, audience)}
        </li>
      ))}
    </ul>
  );
}
