import type { BusinessCard } from '../../utils/api';
import { useI18n } from '../../utils/i18n/context';

function Card({ card }: { card: BusinessCard }) {
  const { t } = useI18n();
  return (
    <div class="al-card">
      <p class="al-card-name">{card.name}</p>
      {card.organization && <p class="al-muted">{card.organization}</p>}
      <dl>
        {card.email && (
          <div>
            <dt>{t('meetings.card.email')}</dt>
            <dd>
              <a href={`mailto:${card.email}`}>{card.email}</a>
            </dd>
          </div>
        )}
        {card.phone && (
          <div>
            <dt>{t('meetings.card.phone')}</dt>
            <dd>
              <a href={`tel:${card.phone.replace(/[^+0-9]/g, '')}`}>{card.phone}</a>
            </dd>
          </div>
        )}
        {card.website && (
          <div>
            <dt>{t('meetings.card.website')}</dt>
            <dd>
              <a href={card.website} target="_blank" rel="noopener noreferrer">
                {card.website}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

/** The two business cards of an accepted meeting, the other side's first. */
export function BusinessCards({ cards, side }: { cards: { alumnus: BusinessCard; staff: BusinessCard }; side: 'alumnus' | 'staff' }) {
  const { t } = useI18n();
  const [theirs, mine] = side === 'alumnus' ? [cards.staff, cards.alumnus] : [cards.alumnus, cards.staff];
  return (
    <section class="al-cards" aria-label={t('meetings.cards')}>
      <h5 class="al-section-title">{t('meetings.cards')}</h5>
      <Card card={theirs} />
      <Card card={mine} />
    </section>
  );
}
