import type { Alumnus, Offer, Organization, Role } from '../../utils/api';
import { useI18n } from '../../utils/i18n/context';
import type { OrganizationMatch } from '../../utils/messaging/protocol';
import { useReasonText } from '../MatchReasons/MatchReasons';
import { PersonRow } from '../PersonRow/PersonRow';
import { OfferList } from '../OfferList/OfferList';

export interface OrganizationCardProps {
  organization: Organization;
  /** Alumni whose current employer this organisation is. */
  alumni: Alumnus[];
  offers: Offer[];
  /** Alumni: why each offer fits them. */
  offerReasons?: OrganizationMatch['offerReasons'];
  /** Staff: alumni whose showcase or employer fits the offers concerning this organisation. */
  fittingAlumni?: OrganizationMatch['fittingAlumni'];
  role: Role | null;
  onOpenPerson: (alumnusId: string) => void;
  pollMs?: number;
}

/** An organisation on the page: who among the alumni works there now, and the offers that concern it. */
export function OrganizationCard({ organization, alumni, offers, offerReasons, fittingAlumni = [], role, onOpenPerson, pollMs }: OrganizationCardProps) {
  const { t } = useI18n();
  const reasonText = useReasonText();
  const headingId = `al-org-${organization.id}`;
  const isAlumnusUser = role === 'alumni';
  return (
    <article class="al-org" aria-labelledby={headingId}>
      <header class="al-org-head">
        <span class="al-org-logo" aria-hidden="true">
          {[...organization.name][0]?.toUpperCase()}
        </span>
        <h2 class="al-org-name" id={headingId}>
          {organization.name}
        </h2>
      </header>
      {!isAlumnusUser && (
        <section class="al-org-alumni" aria-label={t('org.alumniTitle')}>
          <h3 class="al-section-title">{t('org.alumniTitle')}</h3>
          {alumni.length === 0 ? (
            <p class="al-muted">{t('org.noAlumni')}</p>
          ) : (
            <ul class="al-people-list">
              {alumni.map((alumnus) => (
                <PersonRow
                  key={alumnus.id}
                  alumnus={alumnus}
                  details={[
                    ...(alumnus.currentTitle ? [alumnus.currentTitle] : []),
                    ...(alumnus.relationshipOwner ? [t('org.owner', { owner: alumnus.relationshipOwner.name })] : []),
                  ]}
                  onOpen={() => onOpenPerson(alumnus.id)}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      <OfferList
        offers={offers}
        title={t('offers.forOrg', { org: organization.name })}
        canExpressInterest={isAlumnusUser}
        reasons={offerReasons}
        pollMs={pollMs}
      />
      {!isAlumnusUser && fittingAlumni.length > 0 && (
        <section class="al-org-alumni al-org-fitting" aria-label={t('org.fittingTitle', { org: organization.name })}>
          <h3 class="al-section-title">{t('org.fittingTitle', { org: organization.name })}</h3>
          <ul class="al-people-list">
            {fittingAlumni.map(({ alumnus, reasons }) => (
              <PersonRow
                key={alumnus.id}
                alumnus={alumnus}
                details={[
                  ...(alumnus.showcase ? [alumnus.showcase.businessName] : alumnus.currentEmployer ? [alumnus.currentEmployer.name] : []),
                  ...reasons.map((reason) => reasonText(reason, 'org')),
                ]}
                onOpen={() => onOpenPerson(alumnus.id)}
              />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
