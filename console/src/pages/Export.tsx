import { useI18n } from '../../../utils/i18n/context';
import { useConsole } from '../context';

const kinds = ['introductions', 'interests', 'meetings'] as const;

/** Downloads for spreadsheets; the session cookie authorises them like any console request. */
export function ExportPage() {
  const { t } = useI18n();
  const { api } = useConsole();
  return (
    <>
      <h1 tabIndex={-1}>{t('export.title')}</h1>
      <p class="muted">{t('export.intro')}</p>
      <ul class="downloads">
        {kinds.map((kind) => (
          <li key={kind}>
            <a href={api.exportUrl(kind)} download class="button">
              {t(`export.${kind}`)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
