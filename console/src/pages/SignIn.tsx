import { useState } from 'preact/hooks';
import type { Session } from '../../../utils/api/console';
import { useI18n } from '../../../utils/i18n/context';
import { ApiFailure, type ConsoleApi } from '../api';
import type { Preferences } from '../App';
import { PreferenceSwitches } from '../Preferences';

export type SignedOutReason = 'none' | 'expired' | 'signed-out';

/** Paste a token once; the server answers with a session cookie the page never sees. */
export function SignIn({ api, reason, onSignedIn, preferences }: { api: ConsoleApi; reason: SignedOutReason; onSignedIn: (session: Session) => void; preferences: Preferences }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.signIn(token.trim());
      setToken('');
      onSignedIn(session);
    } catch (failure) {
      const status = failure instanceof ApiFailure ? failure.status : 0;
      setError(status === 401 ? t('signIn.invalid') : status === 403 ? t('signIn.alumni') : failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <main class="sign-in" id="main">
      <PreferenceSwitches preferences={preferences} />
      <form onSubmit={submit} class="card">
        <h1>{t('signIn.title')}</h1>
        {reason === 'expired' && <p role="status" class="notice">{t('signIn.expired')}</p>}
        {reason === 'signed-out' && <p role="status" class="notice">{t('signIn.signedOut')}</p>}
        <p class="muted">{t('signIn.intro')}</p>
        <label class="field">
          <span>{t('signIn.token')}</span>
          <input type="password" name="token" value={token} onInput={(e) => setToken(e.currentTarget.value)} autoComplete="off" required autoFocus spellcheck={false} />
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy || token.trim() === ''}>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
