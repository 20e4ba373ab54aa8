import { useState } from 'preact/hooks';
import type { Offer } from '../../utils/api';
import type { OfferReasons, OutboxItemStatus } from '../../utils/messaging/protocol';
import { formatDate } from '../../utils/i18n';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';
import { MatchReasons, type ReasonAudience } from '../MatchReasons/MatchReasons';
import { MeetingRequestForm } from '../Meetings/MeetingRequestForm';
import { OutboxStatus } from '../OutboxStatus/OutboxStatus';
import { useOutboxItem } from '../OutboxStatus/useOutboxItem';

export interface OfferListProps {
  offers: Offer[];
  title: string;
  /** Alumni may answer an offer (and ask for a meeting about it); staff only see what is open. */
  canExpressInterest: boolean;
  /** Why each offer fits, by offer id (offers come best fit first). */
  reasons?: OfferReasons;
  /** Whom the reasons speak to: the alumnus ("your skills") or staff about an alumnus ("their skills"). */
  audience?: ReasonAudience;
  /** Staff on an alumnus's card: "Suggest to this alumnus". */
  suggestTo?: string;
  pollMs?: number;
}

/** Open collaboration offers, with why they fit; alumni answer with "I'm interested" or a meeting request. */
export function OfferList({ offers, title, canExpressInterest, reasons, audience = 'you', suggestTo, pollMs }: OfferListProps) {
  if (offers.length === 0) return null;
  return (
    <section class="al-offers" aria-label={title}>
      <h3 class="al-section-title">{title}</h3>
      <ul class="al-offer-list">
        {offers.map((offer) => (
          <OfferItem
            key={offer.id}
            offer={offer}
            canExpressInterest={canExpressInterest}
            reasons={reasons?.[offer.id]}
            audience={audience}
            suggestTo={suggestTo}
            pollMs={pollMs}
          />
        ))}
      </ul>
    </section>
  );
}

interface OfferItemProps {
  offer: Offer;
  canExpressInterest: boolean;
  reasons?: OfferReasons[string];
  audience: ReasonAudience;
  suggestTo?: string;
  pollMs?: number;
}

type Open = 'interest' | 'meeting' | null;

export function OfferItem({ offer, canExpressInterest, reasons, audience, suggestTo, pollMs }: OfferItemProps) {
  const { t, lang } = useI18n();
  const send = useSend();
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState('');
  const [queued, setQueued] = useState<{ status: OutboxItemStatus; sentText?: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const item = useOutboxItem(queued?.status ?? null, pollMs);
  const headingId = `al-offer-${offer.id}`;

  async function queue(work: Promise<OutboxItemStatus>, sentText?: string) {
    setError(null);
    try {
      setQueued({ status: await work, sentText });
      setOpen(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    const trimmed = message.trim();
    await queue(send('page:express-interest', { offerId: offer.id, message: trimmed || undefined }));
  }

  return (
    <li class="al-offer" data-kind={offer.kind} data-fits={reasons && reasons.length > 0 ? 'yes' : 'no'} aria-labelledby={headingId}>
      <div class="al-offer-head">
        <span class="al-offer-kind">{t(`offers.kind.${offer.kind}`)}</span>
        {offer.closesOn && <span class="al-offer-closes">{t('offers.closesOn', { date: formatDate(lang, offer.closesOn) })}</span>}
      </div>
      <h4 class="al-offer-title" id={headingId}>
        {offer.title}
      </h4>
      {reasons && <MatchReasons reasons={reasons} audience={audience} />}
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
        <div class="al-offer-actions">
          <button class="al-button" data-variant="primary" type="button" onClick={() => setOpen('interest')}>
            {t('offers.interested')}
          </button>
          <button class="al-button" type="button" onClick={() => setOpen('meeting')}>
            {t('offers.requestMeeting')}
          </button>
        </div>
      )}
      {suggestTo && !item && (
        <button
          class="al-button"
          type="button"
          onClick={() => void queue(send('page:suggest-offer', { alumnusId: suggestTo, offerId: offer.id }), t('fits.suggested'))}
        >
          {t('offers.suggest')}
        </button>
      )}
      {open === 'interest' && (
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
            <button class="al-button" data-variant="quiet" type="button" onClick={() => setOpen(null)}>
              {t('offers.cancel')}
            </button>
          </div>
        </form>
      )}
      {open === 'meeting' && (
        <MeetingRequestForm
          idPrefix={`al-request-${offer.id}`}
          onSubmit={({ message: text, proposedTimes }) => send('page:request-meeting', { offerId: offer.id, message: text, proposedTimes })}
          onDone={(status) => {
            setOpen(null);
            if (status) setQueued({ status, sentText: t('meetings.sent') });
          }}
        />
      )}
      {(canExpressInterest || suggestTo) && <OutboxStatus item={item} error={error} sentText={queued?.sentText} />}
    </li>
  );
}
