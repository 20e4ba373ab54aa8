import { useState } from 'preact/hooks';
import type { Offer } from '../../utils/api';
import type { OutboxItemStatus } from '../../utils/messaging/protocol';
import { formatDate } from '../../utils/i18n';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';
import { OutboxStatus } from '../OutboxStatus/OutboxStatus';
import { useOutboxItem } from '../OutboxStatus/useOutboxItem';

export interface OfferListProps {
  offers: Offer[];
  title: string;
  /** Alumni may answer an offer; staff only see what is open. */
  canExpressInterest: boolean;
  pollMs?: number;
}

/** Open collaboration offers, each with "I'm interested" (+ message) for the alumni role. */
export function OfferList({ offers, title, canExpressInterest, pollMs }: OfferListProps) {
  if (offers.length === 0) return null;
  return (
    <section class="al-offers" aria-label={title}>
      <h3 class="al-section-title">{title}</h3>
      <ul class="al-offer-list">
        {offers.map((offer) => (
          <OfferItem key={offer.id} offer={offer} canExpressInterest={canExpressInterest} pollMs={pollMs} />
        ))}
      </ul>
    </section>
  );
}

interface OfferItemProps {
  offer: Offer;
  canExpressInterest: boolean;
  pollMs?: number;
}

export function OfferItem({ offer, canExpressInterest, pollMs }: OfferItemProps) {
  const { t, lang } = useI18n();
  const send = useSend();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [queued, setQueued] = useState<OutboxItemStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const item = useOutboxItem(queued, pollMs);
  const headingId = `al-offer-${offer.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const trimmed = message.trim();
      setQueued(await send('page:express-interest', { offerId: offer.id, message: trimmed || undefined }));
      setOpen(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <li class="al-offer" data-kind={offer.kind} aria-labelledby={headingId}>
      <div class="al-offer-head">
        <span class="al-offer-kind">{t(`offers.kind.${offer.kind}`)}</span>
        {offer.closesOn && <span class="al-offer-closes">{t('offers.closesOn', { date: formatDate(lang, offer.closesOn) })}</span>}
      </div>
      <h4 class="al-offer-title" id={headingId}>
        {offer.title}
      </h4>
      {offer.summary && <p class="al-offer-summary">{offer.summary}</p>}
      {offer.skills.length > 0 && (
        <ul class="al-offer-skills">
          {offer.skills.map((skill) => (
            <li key={skill}>{skill}</li>
          ))}
        </ul>
      )}
      <p class="al-offer-contact">{t('offers.contact', { name: offer.contact.name })}</p>
      {canExpressInterest && !item && !open && (
        <button class="al-button" data-variant="primary" type="button" onClick={() => setOpen(true)}>
          {t('offers.interested')}
        </button>
      )}
      {canExpressInterest && open && (
        <form class="al-offer-form" onSubmit={submit}>
          <label class="al-field">
            {t('offers.message')}
            <textarea
              maxLength={2000}
              value={message}
              onInput={(e) => setMessage((e.currentTarget as HTMLTextAreaElement).value)}
              ref={(el) => el?.focus()}
            />
          </label>
          <div class="al-offer-actions">
            <button class="al-button" data-variant="primary" type="submit">
              {t('offers.send')}
            </button>
            <button class="al-button" data-variant="quiet" type="button" onClick={() => setOpen(false)}>
              {t('offers.cancel')}
            </button>
          </div>
        </form>
      )}
      {canExpressInterest && <OutboxStatus item={item} error={error} />}
    </li>
  );
}
