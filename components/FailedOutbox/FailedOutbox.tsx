import { useState } from 'preact/hooks';
import type { OutboxItemStatus } from '../../utils/messaging/protocol';
import { formatDateTime } from '../../utils/i18n';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';

export interface FailedOutboxProps {
  items: OutboxItemStatus[];
  /** Called after a Retry or Discard, so the owner reloads its status. */
  onChanged: () => void;
  /** Id for the list's heading (the list is labelled by it). */
  headingId: string;
  /** The heading's class: the popup's small section title, or none on the options page (its h2 style). */
  headingClass?: string;
}

/**
 * What the backend refused, or what could not be sent for 7 days: each item with the backend's last answer,
 * Retry and Discard. Nothing leaves the outbox without the user's say (utils/outbox/outbox.ts).
 */
export function FailedOutbox({ items, onChanged, headingId, headingClass = 'al-section-title' }: FailedOutboxProps) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <>
      <h2 class={headingClass || undefined} id={headingId}>
        {t('outbox.failedTitle', { count: items.length })}
      </h2>
      <ul class="al-failed-outbox" aria-labelledby={headingId}>
        {items.map((item) => (
          <FailedItem key={item.id} item={item} onChanged={onChanged} />
        ))}
      </ul>
    </>
  );
}

function FailedItem({ item, onChanged }: { item: OutboxItemStatus; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const send = useSend();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const kind = t(`popup.outboxKind.${item.kind}`);
  const made = item.createdAt !== undefined ? formatDateTime(lang, item.createdAt) : '';
  const what = item.subject ? t('outbox.itemAbout', { kind, subject: item.subject }) : kind;
  const label = made ? t('outbox.itemLabel', { what, made }) : what;
  const reason =
    item.stopped === 'expired'
      ? t('outbox.expired', { reason: item.error ?? '—' })
      : t('outbox.refused', { reason: item.error ?? '—' });

  async function act(name: 'ui:outbox-retry' | 'ui:outbox-discard') {
    setBusy(true);
    setProblem(null);
    try {
      await send(name, { id: item.id });
      onChanged();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <li class="al-failed-item" aria-label={label}>
      <p class="al-failed-what">{label}</p>
      <p class="al-error">{reason}</p>
      {problem && (
        <p class="al-error" role="alert">
          {problem}
        </p>
      )}
      {confirming ? (
        <div class="al-failed-actions" role="group" aria-label={t('outbox.discardQuestion', { kind })}>
          <span>{t('outbox.discardQuestion', { kind })}</span>
          <button type="button" class="al-button" data-variant="primary" disabled={busy} onClick={() => void act('ui:outbox-discard')}>
            {t('outbox.discardConfirm')}
          </button>
          <button type="button" class="al-button" data-variant="quiet" disabled={busy} onClick={() => setConfirming(false)}>
            {t('outbox.keep')}
          </button>
        </div>
      ) : (
        <div class="al-failed-actions">
          <button type="button" class="al-button" disabled={busy} aria-label={t('outbox.retryLabel', { what: label })} onClick={() => void act('ui:outbox-retry')}>
            {t('outbox.retry')}
          </button>
          <button type="button" class="al-button" data-variant="quiet" disabled={busy} aria-label={t('outbox.discardLabel', { what: label })} onClick={() => setConfirming(true)}>
            {t('outbox.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
