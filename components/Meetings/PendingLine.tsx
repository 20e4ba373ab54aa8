import { useI18n } from '../../utils/i18n/context';
import type { PendingMatchingItem } from '../../utils/messaging/protocol';

/** Where the user's own step stands in the outbox: saved and waiting, sending, or refused with the reason. */
export function PendingLine({ pending }: { pending: PendingMatchingItem }) {
  const { t } = useI18n();
  if (pending.item.state === 'sent') return null;
  const step = t(`meetings.step.${pending.step ?? 'request'}`);
  return (
    <p class="al-outbox-status" data-state={pending.item.state} role="status">
      {pending.item.state === 'failed'
        ? t('meetings.pending.failed', { step, reason: pending.item.error ?? '—' })
        : t(`meetings.pending.${pending.item.state}`, { step })}
    </p>
  );
}
