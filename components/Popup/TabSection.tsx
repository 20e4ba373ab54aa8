import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';
import { usePolling } from './usePolling';

/** What was recognised on the active tab: how many people and organisations, and their names. */
export function TabSection({ tabId }: { tabId: number }) {
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
