import { Fragment } from 'preact';
import type { Showcase } from '../../../../utils/api';
import { formatDate } from '../../../../utils/i18n';
import { useI18n } from '../../../../utils/i18n/context';

export interface ShowcaseFactsProps {
  showcase: Showcase;
}

function Tags({ tags }: { tags: string[] }) {
  return (
    <ul class="tags">
      {tags.map((tag) => (
        <li key={tag}>{tag}</li>
      ))}
    </ul>
  );
}

/** An alumnus's published showcase ("what I do now"), as staff see it in the directory. */
export function ShowcaseFacts({ showcase }: ShowcaseFactsProps) {
  const { t, lang } = useI18n();
  const { tags, sharedContact } = showcase;
  const contact = [sharedContact.email, sharedContact.phone].filter(Boolean);
  const tagRows = (['skills', 'industries', 'services'] as const).filter((kind) => tags[kind].length > 0);
  return (
    <dl class="facts">
      <dt>{t('alumnus.showcase.business')}</dt>
      <dd>{showcase.businessName}</dd>
      <dt>{t('alumnus.showcase.offering')}</dt>
      <dd class="prose">{showcase.offering}</dd>
      {showcase.lookingFor && (
        <>
          <dt>{t('alumnus.showcase.lookingFor')}</dt>
          <dd class="prose">{showcase.lookingFor}</dd>
        </>
      )}
      {tagRows.map((kind) => (
        <Fragment key={kind}>
          <dt>{t(`alumnus.showcase.${kind}`)}</dt>
          <dd>
            <Tags tags={tags[kind]} />
          </dd>
        </Fragment>
      ))}
      {showcase.website && (
        <>
          <dt>{t('alumnus.showcase.website')}</dt>
          <dd>
            <a href={showcase.website} rel="noreferrer noopener" target="_blank">
              {showcase.website}
            </a>
          </dd>
        </>
      )}
      <dt>{t('alumnus.showcase.contact')}</dt>
      <dd>{contact.length > 0 ? contact.join(' · ') : <span class="muted">{t('alumnus.showcase.noContact')}</span>}</dd>
      <dt>{t('alumnus.showcase.updated')}</dt>
      <dd>{formatDate(lang, showcase.updatedAt)}</dd>
    </dl>
  );
}
