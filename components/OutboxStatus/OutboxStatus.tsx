import type { OutboxItemStatus } from '../../utils/messaging/protocol';
import { useI18n } from '../../utils/i18n/context';

export interface OutboxStatusProps {
  item: OutboxItemStatus | null;
  /** A local failure before anything was queued (e.g. the worker refused the payload). */
  error?: string | null;
  /** What to say once the backend has it (an introduction is "logged"; a meeting request is not). */
  sentText?: string;
}

/** One polite live region saying where an introduction or interest is: queued, sending, sent, or refused and why. */
export function OutboxStatus({ item, error, sentText }: OutboxStatusProps) {
  const { t } = useI18n();
  const state = error ? 'error' : item?.state;
  let text = '';
  if (error) text = t('intro.state.error', { reason: error });
  else if (item?.state === 'failed') text = t('intro.state.failed', { reason: item.error ?? '—' });
  else if (item?.state === 'sent' && sentText) text = sentText;
  else if (item) text = t(`intro.state.${item.state}`);
  return (
    <p class="al-outbox-status" data-state={state ?? 'none'} role="status" aria-live="polite">
      {text}
    </p>
  );
}
