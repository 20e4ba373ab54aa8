import type { Showcase } from '../../utils/api';
import { useI18n } from '../../utils/i18n/context';

export interface ShowcaseSummaryProps {
  showcase: Pick<Showcase, 'businessName' | 'offering' | 'lookingFor' | 'tags' | 'website' | 'sharedContact'>;
  /** Shown inside the editor as a preview: then it has no landmark of its own. */
  preview?: boolean;
}

/** An alumnus's showcase as staff see it on the card: "Now: … — looking for: …", tags, website, shared contact. */
export function ShowcaseSummary({ showcase, preview = false }: ShowcaseSummaryProps) {
  const { t } = useI18n();
  const tagRows = (['skills', 'industries', 'services'] as const).filter((kind) => showcase.tags[kind].length > 0);
  const { email, phone } = showcase.sharedContact;
  return (
    <section class="al-person-section al-showcase" aria-label={preview ? undefined : t('showcase.title')}>
      <h3 class="al-section-title">{t('showcase.title')}</h3>
      <p class="al-showcase-business">
        {showcase.website ? (
          <a href={showcase.website} target="_blank" rel="noopener noreferrer">
            {showcase.businessName}
          </a>
        ) : (
          showcase.businessName
        )}
      </p>
      <p class="al-showcase-now">
        {t('showcase.now', { offering: showcase.offering })}
        {showcase.lookingFor && (
          <>
            {' — '}
            {t('showcase.lookingFor', { lookingFor: showcase.lookingFor })}
          </>
        )}
      </p>
      {tagRows.length > 0 && (
        <dl class="al-showcase-tags">
          {tagRows.map((kind) => (
            <div key={kind}>
              <dt>{t(`showcase.${kind}`)}</dt>
              {showcase.tags[kind].map((tag) => (
                <dd key={tag}>{tag}</dd>
              ))}
            </div>
          ))}
        </dl>
      )}
      <p class="al-showcase-contact">
        <span class="al-fact-label">{t('showcase.contact')}: </span>
        {!email && !phone && t('showcase.noContact')}
        {email && <a href={`mailto:${email}`}>{email}</a>}
        {email && phone && ' · '}
        {phone && <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`}>{phone}</a>}
      </p>
    </section>
  );
}
