import type { Alumnus, Offer, Role } from '../../utils/api';
import type { Confidence, Evidence } from '../../utils/messaging/protocol';
import { formatMonth } from '../../utils/i18n';
import { describeEvidence } from '../../utils/i18n/evidence';
import { useI18n } from '../../utils/i18n/context';
import { Avatar } from '../Avatar/Avatar';
import { ConfidenceBadge } from '../ConfidenceBadge/ConfidenceBadge';
import { IntroductionForm } from '../IntroductionForm/IntroductionForm';
import { MeetingsSection } from '../Meetings/MeetingsSection';
import { OfferList } from '../OfferList/OfferList';
import { ShowcaseSummary } from '../Showcase/ShowcaseSummary';
import { PastIntroductions } from './PastIntroductions';
import { useOfferFits } from './useOfferFits';

export interface PersonCardProps {
  alumnus: Alumnus;
  /** Absent when the person was opened from an organisation's alumni list (known by employer, not matched on the page). */
  match?: { confidence: Confidence; evidence: Evidence[] };
  offers: Offer[];
  role: Role | null;
  context: { url?: string; site?: string; organizationId?: string };
  pollMs?: number;
}

/** The main name is the HR name; the others are listed only when they add something. */
function otherNames(alumnus: Alumnus): Array<{ label: 'kana' | 'latin' | 'former'; value: string }> {
  const { display, kana, latin, former = [] } = alumnus.names;
  const rows: Array<{ label: 'kana' | 'latin' | 'former'; value: string }> = [];
  if (kana && kana !== display) rows.push({ label: 'kana', value: kana });
  if (latin && latin !== display) rows.push({ label: 'latin', value: latin });
  for (const name of former) rows.push({ label: 'former', value: name });
  return rows;
}

/** Everything the company knows about one recognised alumnus, as a LinkedIn-like card. */
export function PersonCard({ alumnus, match, offers, role, context, pollMs }: PersonCardProps) {
  const { t, lang } = useI18n();
  const headingId = `al-person-${alumnus.id}`;
  const names = otherNames(alumnus);
  const staff = role !== 'alumni';
  // The worker returns no fits for an alumnus who declined offers; the card does not wait for that answer.
  const fits = useOfferFits(alumnus.id, staff && alumnus.consent.offers);
  const fitting = fits?.map((fit) => fit.offer) ?? [];
  const fitIds = new Set(fitting.map((offer) => offer.id));
  return (
    <article class="al-person" aria-labelledby={headingId} data-confidence={match?.confidence ?? 'directory'}>
      <header class="al-person-head">
        <Avatar name={alumnus.names.latin ?? alumnus.names.display} seed={alumnus.id} />
        <div class="al-person-heading">
          <h2 class="al-person-name" id={headingId}>
            {alumnus.names.display}
          </h2>
          {names.length > 0 && (
            <dl class="al-person-names" aria-label={t('person.names')}>
              {names.map((row) => (
                <div key={row.label + row.value} class="al-person-alt" data-name={row.label}>
                  <dt>{t(`person.name.${row.label}`)}</dt>
                  <dd lang={row.label === 'kana' ? 'ja' : undefined}>{row.value}</dd>
                </div>
              ))}
            </dl>
          )}
          {alumnus.currentEmployer && (
            <p class="al-person-now">
              {alumnus.currentTitle
                ? t('person.currentRole', { title: alumnus.currentTitle, employer: alumnus.currentEmployer.name })
                : alumnus.currentEmployer.name}
            </p>
          )}
          {match && <ConfidenceBadge confidence={match.confidence} />}
        </div>
      </header>

      {staff && alumnus.showcase && <ShowcaseSummary showcase={alumnus.showcase} />}

      {match && match.evidence.length > 0 && (
        <section class="al-person-section" aria-label={t('person.whyTitle')}>
          <h3 class="al-section-title">{t('person.whyTitle')}</h3>
          <ul class="al-evidence">
            {match.evidence.map((evidence, i) => (
              <li key={evidence.kind + i} data-kind={evidence.kind}>
                {describeEvidence(evidence, lang, t)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="al-person-section" aria-label={t('person.tenureTitle')}>
        <h3 class="al-section-title">{t('person.tenureTitle')}</h3>
        <ul class="al-tenure">
          {alumnus.tenure.map((tenure) => (
            <li key={tenure.from}>
              <span class="al-tenure-dates">
                {t('person.tenure', { from: formatMonth(lang, tenure.from), to: formatMonth(lang, tenure.to) })}
              </span>
              {tenure.department && <span class="al-tenure-dept">{t('person.department', { department: tenure.department })}</span>}
            </li>
          ))}
        </ul>
      </section>

      {(alumnus.relationshipOwner || alumnus.rehireEligible !== undefined) && (
        <section class="al-person-section al-person-facts">
          {alumnus.relationshipOwner && (
            <div class="al-fact">
              <span class="al-fact-label">{t('person.owner')}</span>
              <span class="al-fact-value">{alumnus.relationshipOwner.name}</span>
            </div>
          )}
          {/* The server sends rehire eligibility to recruiters and admins only; other roles never see the row. */}
          {alumnus.rehireEligible !== undefined && (role === 'recruiter' || role === 'admin') && (
            <div class="al-fact" data-rehire={alumnus.rehireEligible ? 'yes' : 'no'}>
              <span class="al-fact-label">{t('person.rehire')}</span>
              <span class="al-fact-value">{t(alumnus.rehireEligible ? 'person.rehire.yes' : 'person.rehire.no')}</span>
            </div>
          )}
        </section>
      )}

      {staff && !alumnus.consent.offers && (
        <p class="al-person-section al-muted">{t('fits.noConsent', { name: alumnus.names.display })}</p>
      )}

      {fits === null ? (
        // Until the fits answer: an offer that fits is listed under them, not first among the open offers.
        <section class="al-offers-pending" aria-label={t('offers.title')} aria-busy="true" />
      ) : (
        <>
          <OfferList
            offers={fitting}
            title={t('fits.title', { name: alumnus.names.display })}
            canExpressInterest={false}
            reasons={Object.fromEntries(fits.map((fit) => [fit.offer.id, fit.reasons]))}
            audience="they"
            suggestTo={alumnus.id}
            pollMs={pollMs}
          />
          <OfferList
            offers={offers.filter((offer) => !fitIds.has(offer.id))}
            title={alumnus.currentEmployer ? t('offers.forOrg', { org: alumnus.currentEmployer.name }) : t('offers.title')}
            canExpressInterest={false}
            pollMs={pollMs}
          />
        </>
      )}

      {staff && <MeetingsSection alumnus={alumnus} offers={fitting} pollMs={pollMs} />}
      {staff && <PastIntroductions alumnusId={alumnus.id} />}
      {staff && <IntroductionForm alumnusId={alumnus.id} role={role} context={context} pollMs={pollMs} />}
    </article>
  );
}
