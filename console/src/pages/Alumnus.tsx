import { useState } from 'preact/hooks';
import type { AlumnusDetail } from '../../../utils/api/console';
import { formatDate, formatMonth } from '../../../utils/i18n';
import { useI18n } from '../../../utils/i18n/context';
import { ConfirmDialog } from '../components/ConfirmDialog/ConfirmDialog';
import { MeetingsTable } from '../components/MeetingsTable/MeetingsTable';
import { ShowcaseFacts } from '../components/ShowcaseFacts/ShowcaseFacts';
import { Await } from '../components/Status/Status';
import { isAdmin, useConsole } from '../context';
import { hrefOf, navigate, onLinkClick } from '../router';
import { useLoad } from '../use-load';

function Facts({ detail }: { detail: AlumnusDetail }) {
  const { t, lang } = useI18n();
  const { alumnus } = detail;
  const yesNo = (value: boolean) => t(value ? 'console.yes' : 'console.no');
  return (
    <dl class="facts">
      {alumnus.names.kana && (
        <>
          <dt>{t('alumnus.kana')}</dt>
          <dd>{alumnus.names.kana}</dd>
        </>
      )}
      {alumnus.names.latin && (
        <>
          <dt>{t('alumnus.latin')}</dt>
          <dd>{alumnus.names.latin}</dd>
        </>
      )}
      {alumnus.names.former?.length ? (
        <>
          <dt>{t('alumnus.former')}</dt>
          <dd>{alumnus.names.former.join(', ')}</dd>
        </>
      ) : null}
      <dt>{t('alumni.id')}</dt>
      <dd>{alumnus.id}</dd>
      <dt>{t('alumnus.tenure')}</dt>
      <dd>
        <ul class="plain">
          {alumnus.tenure.map((tenure) => (
            <li key={tenure.from}>
              {t('alumnus.tenureLine', { from: formatMonth(lang, tenure.from), to: formatMonth(lang, tenure.to) })}
              {tenure.department ? ` · ${tenure.department}` : ''}
            </li>
          ))}
        </ul>
      </dd>
      {alumnus.currentEmployer && (
        <>
          <dt>{t('alumnus.currentEmployer')}</dt>
          <dd>{alumnus.currentEmployer.name}</dd>
        </>
      )}
      {alumnus.currentTitle && (
        <>
          <dt>{t('alumnus.title')}</dt>
          <dd>{alumnus.currentTitle}</dd>
        </>
      )}
      {alumnus.rehireEligible !== undefined && (
        <>
          <dt>{t('alumnus.rehire')}</dt>
          <dd>{yesNo(alumnus.rehireEligible)}</dd>
        </>
      )}
      {alumnus.relationshipOwner && (
        <>
          <dt>{t('alumnus.owner')}</dt>
          <dd>
            {alumnus.relationshipOwner.name}
            {alumnus.relationshipOwner.email ? ` <${alumnus.relationshipOwner.email}>` : ''}
          </dd>
        </>
      )}
      {alumnus.profileUrls?.length ? (
        <>
          <dt>{t('alumnus.profiles')}</dt>
          <dd>
            <ul class="plain">
              {alumnus.profileUrls.map((url) => (
                <li key={url}>
                  <a href={url} rel="noreferrer noopener" target="_blank">
                    {url}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      <dt>{t('alumnus.consent')}</dt>
      <dd>{t('alumni.consentShort', { recognition: yesNo(alumnus.consent.recognition), offers: yesNo(alumnus.consent.offers) })}</dd>
    </dl>
  );
}

/** The business-matching side: the published showcase and the meetings (as the viewer's role may see them). */
function Matching({ detail }: { detail: AlumnusDetail }) {
  const { t } = useI18n();
  const { session } = useConsole();
  const { showcase } = detail.alumnus;
  return (
    <>
      <section aria-labelledby="showcase">
        <h2 id="showcase">{t('alumnus.showcase')}</h2>
        {showcase ? <ShowcaseFacts showcase={showcase} /> : <p class="muted">{t('alumnus.noShowcase')}</p>}
      </section>
      <section aria-labelledby="meetings">
        <h2 id="meetings">{t('alumnus.meetings')}</h2>
        {!isAdmin(session) && <p class="muted">{t('alumnus.meetings.yours')}</p>}
        {detail.meetings.length === 0 ? (
          <p class="muted">{t('alumnus.noMeetings')}</p>
        ) : (
          <MeetingsTable meetings={detail.meetings} caption={t('alumnus.meetings')} rowName="offer" />
        )}
      </section>
    </>
  );
}

function Activity({ detail }: { detail: AlumnusDetail }) {
  const { t, lang } = useI18n();
  return (
    <>
      <section aria-labelledby="introductions">
        <h2 id="introductions">{t('alumnus.introductions')}</h2>
        {detail.introductions.length === 0 ? (
          <p class="muted">{t('alumnus.noIntroductions')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('alumnus.when')}</th>
                <th scope="col">{t('alumnus.kind')}</th>
                <th scope="col">{t('alumnus.by')}</th>
                <th scope="col">{t('alumnus.note')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.introductions.map((intro) => (
                <tr key={intro.id}>
                  <td>{formatDate(lang, intro.occurredAt)}</td>
                  <td>{t(`overview.kind.${intro.kind}`)}</td>
                  <td>{intro.loggedBy}</td>
                  <td>{intro.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {detail.interests && (
        <section aria-labelledby="interests">
          <h2 id="interests">{t('alumnus.interests')}</h2>
          {detail.interests.length === 0 ? (
            <p class="muted">{t('alumnus.noInterests')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('alumnus.when')}</th>
                  <th scope="col">{t('alumnus.offer')}</th>
                  <th scope="col">{t('alumnus.message')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.interests.map((interest) => (
                  <tr key={interest.id}>
                    <td>{formatDate(lang, interest.receivedAt)}</td>
                    <td>{interest.offerId}</td>
                    <td>{interest.message ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}

/** One alumnus: who they are, their tenure, what was logged about them; admins can erase them. */
export function AlumnusPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api, session } = useConsole();
  const [detail, reload] = useLoad(() => api.alumnus(id), [api, id]);
  const [erasing, setErasing] = useState(false);

  return (
    <>
      <p>
        <a href={hrefOf('alumni')} onClick={onLinkClick('alumni')}>
          {t('alumnus.back')}
        </a>
      </p>
      <Await loaded={detail} retry={reload}>
        {(value) => (
          <>
            <h1 tabIndex={-1}>{value.alumnus.names.display}</h1>
            <Facts detail={value} />
            <Matching detail={value} />
            <Activity detail={value} />
            {isAdmin(session) && (
              <p>
                <button type="button" class="danger" onClick={() => setErasing(true)}>
                  {t('alumnus.erase')}
                </button>
              </p>
            )}
            {erasing && (
              <ConfirmDialog
                title={t('alumnus.erase.title', { name: value.alumnus.names.display })}
                confirmLabel={t('alumnus.erase.confirm')}
                typeToConfirm={{ label: t('alumnus.erase.confirmLabel', { id: value.alumnus.id }), expected: value.alumnus.id }}
                danger
                onConfirm={async () => {
                  await api.eraseAlumnus(value.alumnus.id);
                  navigate('alumni', t('alumnus.erased'));
                }}
                onClose={() => setErasing(false)}
              >
                <p>{t('alumnus.erase.body')}</p>
              </ConfirmDialog>
            )}
          </>
        )}
      </Await>
    </>
  );
}
