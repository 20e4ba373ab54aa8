import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf, StoredDataRepair } from '../../utils/messaging/protocol';
import type { AppKey } from '../../utils/i18n/app-en';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';

/** What the extension does and does not do with data: plain sentences, both languages. */
export function PrivacySection() {
  const { t, lang } = useI18n();
  return (
    <section class="al-options-card" aria-labelledby="al-privacy">
      <h2 id="al-privacy">{t('options.privacy')}</h2>
      <ul class="al-options-privacy">
        <li>{t('options.privacy.1')}</li>
        <li>{t('options.privacy.2')}</li>
        <li>{t('options.privacy.3')}</li>
        <li>{t('options.privacy.4')}</li>
      </ul>
      {/* PRIVACY.md / PRIVACY.ja.md, built into the extension beside options.html (utils/manifest/privacy-pages.ts). */}
      <p>
        <a href={`privacy/${lang}.html`} target="_blank" rel="noopener">
          {t('options.privacyPolicy')}
        </a>
      </p>
    </section>
  );
}

/** One sentence per kind of stored data, saying what was done about it. */
const REPAIR_SENTENCES: Record<StoredDataRepair['subject'], AppKey> = {
  settings: 'options.diag.repaired.settings',
  connection: 'options.diag.repaired.connection',
  policy: 'options.diag.repaired.policy',
  'recognition-index': 'options.diag.repaired.index',
  other: 'options.diag.repaired.other',
};

type Unrecognised = ResponseOf<'ui:get-diagnostics'>['unrecognised'][number];

const REASONS = new Set(['presence', 'placeholder', 'degree', 'badge', 'action', 'link-words', 'count', 'empty', 'not-a-name']);

/**
 * What each way of reading found on the last page of that kind that gave nobody — "structured data: 0,
 * links to profiles: 10, names refused: online status (7), “LinkedIn Member” (3)" — so a redesign is
 * told apart from a page that only hides its people. Counts only: the page's text never gets here.
 */
function LayerFindings({ layers }: { layers: NonNullable<Unrecognised['layers']> }) {
  const { t } = useI18n();
  const found = [
    t('options.diag.layer.structured', { count: layers.structured }),
    t('options.diag.layer.anchors', { count: layers.anchors }),
    ...(layers.memberLinks !== undefined ? [t('options.diag.layer.memberLinks', { count: layers.memberLinks })] : []),
  ];
  const refused = Object.entries(layers.rejected)
    .sort(([, a], [, b]) => b - a)
    .map(([reason, count]) =>
      REASONS.has(reason) ? t(`options.diag.reason.${reason}` as AppKey, { count }) : t('options.diag.reason.other', { reason, count }),
    );
  return (
    <p class="al-muted al-options-diag-layers">
      {t('options.diag.layers')} {found.join(' · ')}
      {refused.length > 0 && ` · ${t('options.diag.refused', { reasons: refused.join(t('options.diag.separator')) })}`}
    </p>
  );
}

/**
 * Page layouts the adapters could not read (so a site redesign shows up here), stored data that was
 * unreadable and repaired (so a reset setting is never a silent mystery), and the last sync error.
 */
export function DiagnosticsSection() {
  const { t } = useI18n();
  const send = useSend();
  const [report, setReport] = useState<ResponseOf<'ui:get-diagnostics'> | null>(null);
  useEffect(() => {
    send('ui:get-diagnostics', {}).then(setReport, () => setReport(null));
  }, [send]);
  if (!report) return null;
  return (
    <section class="al-options-card" aria-labelledby="al-diagnostics">
      <h2 id="al-diagnostics">{t('options.diagnostics')}</h2>
      {report.unrecognised.length === 0 ? (
        <p class="al-muted">{t('options.diag.none')}</p>
      ) : (
        <ul class="al-options-diag">
          {report.unrecognised.map((row) => (
            <li key={`${row.adapter}:${row.pageKind}:${row.missing}`}>
              {t('options.diag.item', { adapter: row.adapter, kind: row.pageKind ?? '—', missing: row.missing, count: row.count })}
              {row.layers && <LayerFindings layers={row.layers} />}
            </li>
          ))}
        </ul>
      )}
      {report.repaired && report.repaired.length > 0 && (
        <>
          <h3 id="al-diag-repaired">{t('options.diag.repairedTitle')}</h3>
          <ul class="al-options-diag" aria-labelledby="al-diag-repaired">
            {report.repaired.map((row) => (
              <li key={`${row.what}:${row.detail}`} data-subject={row.subject}>
                {t(REPAIR_SENTENCES[row.subject], { what: row.what, count: row.count })}{' '}
                <span class="al-muted">{t('options.diag.repairedDetail', { detail: row.detail })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class={report.lastSyncError ? 'al-error' : 'al-muted'}>
        {report.lastSyncError ? t('options.diag.lastSyncError', { reason: report.lastSyncError }) : t('options.diag.noSyncError')}
      </p>
    </section>
  );
}
