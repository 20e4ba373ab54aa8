import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Me, Offer } from '../../utils/api';
import type { ResponseOf } from '../../utils/messaging/protocol';
import { waitingForUser } from '../../utils/meetings/waiting';
import { formatDateTime } from '../../utils/i18n';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';
import { Avatar } from '../Avatar/Avatar';
import { FailedOutbox } from '../FailedOutbox/FailedOutbox';
import { MeetingList } from '../Meetings/MeetingList';
import { useMeetings } from '../Meetings/useMeetings';
import { OfferList } from '../OfferList/OfferList';
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

type Status = ResponseOf<'ui:get-status'>;

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
  status: Status;
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

/** What waits for the user ("2 meeting requests", with the steps to answer them), then their other meetings. */
function MeetingsSections({ me }: { me: Me }) {
  const { t } = useI18n();
  const meetings = useMeetings(undefined);
  if (!meetings.state) return null;
  const side = me.user.role === 'alumni' ? 'alumnus' : 'staff';
  const { pending } = meetings.state;
  const waiting = waitingForUser(meetings.state.meetings, me.user.role, pending);
  const waitingIds = new Set(waiting.map((meeting) => meeting.id));
  const others = meetings.state.meetings.filter((meeting) => !waitingIds.has(meeting.id)).slice(0, 10);
  const unsent = pending.filter((p) => p.step === 'request');
  return (
    <>
      {waiting.length > 0 && (
        <section class="al-popup-card al-popup-waiting" aria-labelledby="al-popup-waiting">
          <div class="al-popup-row">
            <h2 class="al-section-title" id="al-popup-waiting">
              {t('popup.waitingTitle')}
            </h2>
            <span class="al-popup-new">
              {waiting.length === 1 ? t('popup.meetingRequests.one') : t('popup.meetingRequests.other', { count: waiting.length })}
            </span>
          </div>
          <MeetingList
            meetings={waiting}
            pending={pending.filter((p) => p.step !== 'request')}
            side={side}
            showCounterpart
            onQueued={meetings.reload}
            label={t('popup.waitingTitle')}
          />
        </section>
      )}
      {(others.length > 0 || unsent.length > 0) && (
        <section class="al-popup-card" aria-labelledby="al-popup-meetings">
          <h2 class="al-section-title" id="al-popup-meetings">
            {t('popup.meetingsTitle')}
          </h2>
          <MeetingList meetings={others} pending={pending} side={side} showCounterpart onQueued={meetings.reload} label={t('popup.meetingsTitle')} />
        </section>
      )}
    </>
  );
}

function ShowcaseSection({ company, onOpen }: { company: string; onOpen?: () => void }) {
  const { t } = useI18n();
  const send = useSend();
  return (
    <section class="al-popup-card" aria-labelledby="al-popup-showcase">
      <h2 class="al-section-title" id="al-popup-showcase">
        {t('popup.showcaseTitle')}
      </h2>
      <p class="al-muted">{t('popup.showcaseHelp', { company })}</p>
      <button
        type="button"
        class="al-button"
        data-variant="primary"
        onClick={() => (onOpen ? onOpen() : void send('ui:open-showcase-editor', {}).catch(() => undefined))}
      >
        {t('popup.editShowcase')}
      </button>
    </section>
  );
}

function SyncSection({ status, onSyncNow }: { status: Status; onSyncNow: () => void }) {
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

function OutboxSection({ status, onChanged }: { status: Status; onChanged: () => void }) {
  const { t } = useI18n();
  if (status.pendingOutbox === 0 && status.failedOutbox.length === 0) return null;
  return (
    <section class="al-popup-card" aria-live="polite">
      {status.pendingOutbox > 0 && <p class="al-popup-pending">{t('popup.pending', { count: status.pendingOutbox })}</p>}
      <FailedOutbox items={status.failedOutbox} onChanged={onChanged} headingId="al-popup-failed" />
    </section>
  );
}

function TabSection({ tabId }: { tabId: number }) {
  const { t } = useI18n();
  const send = useSend();
  const tab = usePolling(() => send('ui:tab-recognition', { tabId }), 0, () => false);
  if (tab.loaded.state !== 'ready') return null;
  const recognition = tab.loaded.value;
  const nothing = !recognition || recognition.people + recognition.organizations === 0;
  return (
    <section class="al-popup-card" aria-label={t('popup.thisTab')} data-recognised={nothing ? 'none' : 'some'}>
      <h2 class="al-section-title">{t('popup.thisTab')}</h2>
      {nothing ? (
        <p class="al-muted">{t('popup.nothingHere')}</p>
      ) : (
        <>
          <p>{t('popup.recognised', { people: recognition.people, organizations: recognition.organizations })}</p>
          <ul class="al-popup-names">
            {recognition.names.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function OffersSection({ newOffers, onSeen }: { newOffers: number; onSeen: () => void }) {
  const { t } = useI18n();
  const send = useSend();
  const offers = usePolling(() => send('ui:list-offers', {}), 0, () => false);
  const [unseen, setUnseen] = useState(newOffers);
  const list: Offer[] = offers.loaded.state === 'ready' ? offers.loaded.value.offers : [];
  const reasons = offers.loaded.state === 'ready' ? offers.loaded.value.offerReasons : undefined;

  async function markSeen() {
    await send('ui:mark-offers-seen', {});
    setUnseen(0);
    onSeen();
  }

  return (
    <section class="al-popup-card al-popup-offers">
      <div class="al-popup-row">
        <h2 class="al-section-title">{t('popup.offersTitle')}</h2>
        {unseen > 0 && (
          <>
            <span class="al-popup-new">{t('popup.newOffers', { count: unseen })}</span>
            <button type="button" class="al-button" data-variant="quiet" onClick={markSeen}>
              {t('popup.markSeen')}
            </button>
          </>
        )}
      </div>
      {offers.loaded.state === 'ready' && list.length === 0 && <p class="al-muted">{t('offers.none')}</p>}
      <OfferList offers={list} title={t('popup.offersTitle')} canExpressInterest={true} reasons={reasons} />
    </section>
  );
}
