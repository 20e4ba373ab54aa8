import { formatDateTime } from '../../utils/i18n';
import { useI18n } from '../../utils/i18n/context';
import type { PopupStatus } from './status';

/** When the last sync ended (or how far the running one is), "Sync now", and what is synced. */
export function SyncSection({ status, onSyncNow }: { status: PopupStatus; onSyncNow: () => void }) {
  const { t, lang } = useI18n();
  const { sync } = status;
  const syncing = sync.state === 'syncing';
  let line: string;
  if (syncing) line = t('popup.syncing', { count: sync.progress?.received ?? 0, resource: sync.progress?.resource ?? '' });
  else if (sync.lastSuccessAt) line = t('popup.lastSync', { when: formatDateTime(lang, sync.lastSuccessAt) });
  else line = t('popup.neverSynced');
  return (
    <section class="al-popup-card" data-sync={sync.state}>
      <div class="al-popup-row">
        <p role="status" aria-live="polite" class="al-popup-sync">
          {line}
        </p>
        <button type="button" class="al-button" onClick={onSyncNow} disabled={syncing}>
          {t('popup.syncNow')}
        </button>
      </div>
      {sync.state === 'error' && sync.lastError && <p class="al-error">{t('popup.syncError', { reason: sync.lastError })}</p>}
      {/* Alumni are not sent the directory (its size would only read as "0"): what they sync is offers. */}
      <p class="al-muted">
        {status.me?.user.role === 'alumni'
          ? `${t('popup.openOffers', { count: status.openOffers })} · ${t('popup.newOffers', { count: status.newOffers })}`
          : `${t('popup.directorySize', { count: status.directorySize })} · ${t('popup.organizations', { count: status.organizationsCount })}`}
      </p>
    </section>
  );
}
