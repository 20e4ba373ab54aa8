import type { Confidence } from '../../utils/messaging/protocol';
import { useI18n } from '../../utils/i18n/context';

export interface ConfidenceBadgeProps {
  confidence: Confidence;
}

/** "Confirmed alumnus" / "Likely" / "Possible": always spelled out, never colour alone. */
export function ConfidenceBadge({ confidence }: ConfidenceBadgeProps) {
  const { t } = useI18n();
  return (
    <span class="al-confidence" data-confidence={confidence}>
      <span class="al-confidence-dot" aria-hidden="true" />
      {t(`confidence.${confidence}`)}
    </span>
  );
}
