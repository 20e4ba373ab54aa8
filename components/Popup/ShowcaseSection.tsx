import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';

/** Alumni: a way to the showcase editor, where they describe the business they run now. */
export function ShowcaseSection({ company, onOpen }: { company: string; onOpen?: () => void }) {
  const { t } = useI18n();
  const send = useSend();
  return (
    <section class="al-popup-card" aria-labelledby="al-popup-showcase">
      <h2 class="al-section-title" id="al-popup-showcase">
        {t('popup.showcaseTitle')}
      </h2>
      <p class="al-muted">{t('popup.showcaseHelp', { company })}</p>
      <button
        type="button"
        class="al-button"
        data-variant="primary"
        onClick={() => (onOpen ? onOpen() : void send('ui:open-showcase-editor', {}).catch(() => undefined))}
      >
        {t('popup.editShowcase')}
      </button>
    </section>
  );
}
