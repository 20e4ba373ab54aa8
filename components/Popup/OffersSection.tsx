import { useState } from 'preact/hooks';
import type { Offer } from '../../utils/api';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';
import { OfferList } from '../OfferList/OfferList';
import { usePolling } from './usePolling';

/** Alumni: the open offers, ranked with their reasons, and how many are new since last looked at. */
export function OffersSection({ newOffers, onSeen }: { newOffers: number; onSeen: () => void }) {
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
