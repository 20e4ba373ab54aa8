import type { ComponentChildren } from 'preact';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';
import { Avatar } from '../Avatar/Avatar';
import { MeetingsSections } from './MeetingsSections';
import { OffersSection } from './OffersSection';
import { OutboxSection } from './OutboxSection';
import { ShowcaseSection } from './ShowcaseSection';
import type { PopupStatus } from './status';
import { SyncSection } from './SyncSection';
import { TabSection } from './TabSection';
import { usePolling } from './usePolling';

export interface PopupProps {
  /** The active tab, to say what was recognised on it; null when there is none (e.g. a browser page). */
  tabId: number | null;
  onOpenOptions: () => void;
  /** Alumni: opens the showcase editor (an extension page of its own). */
  onOpenShowcase?: () => void;
  /** How often status is asked for while a sync runs. */
  pollMs?: number;
  /** Shown first under the header (the side panel's sentence about the tab, in side-panel mode). */
  children?: ComponentChildren;
}

/** The toolbar popup: who you are, sync state, the outbox, this tab, and offers for alumni. */
export function Popup({ tabId, onOpenOptions, onOpenShowcase, pollMs = 1000, children }: PopupProps) {
  const { t } = useI18n();
  const send = useSend();
  const status = usePolling(() => send('ui:get-status', {}), pollMs, (s) => s.sync.state === 'syncing');

  async function syncNow() {
    await send('ui:sync-now', {}).catch(() => undefined);
    status.reload();
  }

  return (
    <main class="al-popup" aria-labelledby="al-popup-title">
      <header class="al-popup-header">
        <span class="al-logo" aria-hidden="true">
          A
        </span>
        <h1 id="al-popup-title">{t('popup.title')}</h1>
        <button type="button" class="al-button" data-variant="quiet" onClick={onOpenOptions}>
          {t('popup.openOptions')}
        </button>
      </header>
      {children}
      {status.loaded.state === 'loading' && <p class="al-muted al-popup-pad">{t('popup.loading')}</p>}
      {status.loaded.state === 'error' && <p class="al-error al-popup-pad">{t('popup.error', { reason: status.loaded.reason })}</p>}
      {status.loaded.state === 'ready' && (
        <StatusView
          status={status.loaded.value}
          tabId={tabId}
          onSyncNow={syncNow}
          onOpenOptions={onOpenOptions}
          onOpenShowcase={onOpenShowcase}
          onReload={status.reload}
        />
      )}
    </main>
  );
}

interface StatusViewProps {
  status: PopupStatus;
  tabId: number | null;
  onSyncNow: () => void;
  onOpenOptions: () => void;
  onOpenShowcase?: () => void;
  /** Asks for the status again: the new-offer count changes when offers are marked seen, the outbox after a Retry. */
  onReload: () => void;
}

function StatusView({ status, tabId, onSyncNow, onOpenOptions, onOpenShowcase, onReload }: StatusViewProps) {
  const { t } = useI18n();
  if (status.configSource === 'none' || !status.me) {
    return (
      <section class="al-popup-card">
        <p>{t('popup.notConfigured')}</p>
        {status.sync.lastError && <p class="al-error">{t('popup.syncError', { reason: status.sync.lastError })}</p>}
        <button type="button" class="al-button" data-variant="primary" onClick={onOpenOptions}>
          {t('popup.configure')}
        </button>
      </section>
    );
  }
  const { me } = status;
  return (
    <>
      <section class="al-popup-card al-popup-me" aria-label={t('popup.signedInAs', { name: me.user.name })}>
        <Avatar name={me.user.name} seed={me.user.name} size="small" />
        <div>
          <p class="al-popup-name">{t('popup.signedInAs', { name: me.user.name })}</p>
          <p class="al-muted">
            {t(`popup.role.${me.user.role}`)} · {t('popup.company', { company: me.company.name })}
          </p>
        </div>
      </section>
      <MeetingsSections me={me} />
      <SyncSection status={status} onSyncNow={onSyncNow} />
      <OutboxSection status={status} onChanged={onReload} />
      {tabId !== null && <TabSection tabId={tabId} />}
      {me.user.role === 'alumni' && <ShowcaseSection company={me.company.name} onOpen={onOpenShowcase} />}
      {me.user.role === 'alumni' && <OffersSection newOffers={status.newOffers} onSeen={onReload} />}
    </>
  );
}
