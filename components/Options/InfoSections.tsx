import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '../../utils/messaging/protocol';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';

/** What the extension does and does not do with data: plain sentences, both languages. */
export function PrivacySection() {
  const { t } = useI18n();
  return (
    <section class="al-options-card" aria-labelledby="al-privacy">
      <h2 id="al-privacy">{t('options.privacy')}</h2>
      <ul class="al-options-privacy">
        <li>{t('options.privacy.1')}</li>
        <li>{t('options.privacy.2')}</li>
        <li>{t('options.privacy.3')}</li>
        <li>{t('options.privacy.4')}</li>
      </ul>
    </section>
  );
}

/** Page layouts the adapters could not read (so a site redesign shows up here) and the last sync error. */
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
            </li>
          ))}
        </ul>
      )}
      <p class={report.lastSyncError ? 'al-error' : 'al-muted'}>
        {report.lastSyncError ? t('options.diag.lastSyncError', { reason: report.lastSyncError }) : t('options.diag.noSyncError')}
      </p>
    </section>
  );
}
