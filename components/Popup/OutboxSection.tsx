import { useI18n } from '../../utils/i18n/context';
import { FailedOutbox } from '../FailedOutbox/FailedOutbox';
import type { PopupStatus } from './status';

/** Introductions and other items not delivered yet, and those that failed, with Retry and Discard. */
export function OutboxSection({ status, onChanged }: { status: PopupStatus; onChanged: () => void }) {
  const { t } = useI18n();
  if (status.pendingOutbox === 0 && status.failedOutbox.length === 0) return null;
  return (
    <section class="al-popup-card" aria-live="polite">
      {status.pendingOutbox > 0 && <p class="al-popup-pending">{t('popup.pending', { count: status.pendingOutbox })}</p>}
      <FailedOutbox items={status.failedOutbox} onChanged={onChanged} headingId="al-popup-failed" />
    </section>
  );
}
