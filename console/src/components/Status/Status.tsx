import type { ComponentChildren } from 'preact';
import { useI18n } from '../../../../utils/i18n/context';
import type { Loaded } from '../../use-load';

/** A page's data: "Loading…", the error with "Try again", or the page itself. */
export function Await<T>({ loaded, retry, children }: { loaded: Loaded<T>; retry: () => void; children: (value: T) => ComponentChildren }) {
  const { t } = useI18n();
  if (loaded.state === 'loading') return <p role="status">{t('console.loading')}</p>;
  if (loaded.state === 'error') {
    return (
      <div role="alert" class="error">
        <p>{t('console.error', { reason: loaded.reason })}</p>
        <button type="button" onClick={retry}>
          {t('console.retry')}
        </button>
      </div>
    );
  }
  return <>{children(loaded.value)}</>;
}

/** A status line read out when it changes (saved, deleted, imported). */
export function Notice({ text, tone = 'ok' }: { text: string | null; tone?: 'ok' | 'error' }) {
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} class={text ? `notice ${tone}` : 'notice empty'}>
      {text}
    </p>
  );
}
