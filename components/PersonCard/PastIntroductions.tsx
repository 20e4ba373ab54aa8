import { useState } from 'preact/hooks';
import type { Introduction } from '../../utils/api';
import { formatDate } from '../../utils/i18n';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';

type State =
  | { step: 'idle' }
  | { step: 'loading' }
  | { step: 'loaded'; introductions: Introduction[] }
  | { step: 'error'; reason: string };

/**
 * Past introductions come from the backend, so they load only when the user asks: otherwise the
 * backend would learn which profiles the user looks at.
 */
export function PastIntroductions({ alumnusId }: { alumnusId: string }) {
  const { t, lang } = useI18n();
  const send = useSend();
  const [state, setState] = useState<State>({ step: 'idle' });

  async function load() {
    setState({ step: 'loading' });
    try {
      const { introductions } = await send('page:load-introductions', { alumnusId });
      setState({ step: 'loaded', introductions });
    } catch (error) {
      setState({ step: 'error', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section class="al-person-section al-past" aria-live="polite" data-step={state.step}>
      {state.step === 'idle' && (
        <button class="al-button" type="button" onClick={load}>
          {t('person.introductions.show')}
        </button>
      )}
      {state.step === 'loading' && <p class="al-muted">{t('person.introductions.loading')}</p>}
      {state.step === 'error' && <p class="al-error">{t('person.introductions.error', { reason: state.reason })}</p>}
      {state.step === 'loaded' && (
        <>
          <h3 class="al-section-title">{t('person.introductions.title')}</h3>
          {state.introductions.length === 0 ? (
            <p class="al-muted">{t('person.introductions.none')}</p>
          ) : (
            <ul class="al-past-list">
              {state.introductions.map((intro) => (
                <li key={intro.id}>
                  <span>
                    {t('person.introductions.item', {
                      kind: t(`intro.kind.${intro.kind}`),
                      by: intro.loggedBy,
                      date: formatDate(lang, intro.occurredAt),
                    })}
                  </span>
                  {intro.note && <q class="al-past-note">{intro.note}</q>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
