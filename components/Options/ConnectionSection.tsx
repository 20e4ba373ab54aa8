import { useEffect, useState } from 'preact/hooks';
import { HttpUrl, type Me } from '../../utils/api';
import { originPattern } from '../../utils/config';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';
import type { ConnectionFields, OptionsPlatform } from './platform';

export interface ConnectionSectionProps {
  platform: OptionsPlatform;
  me: Me | null;
  onSaved: () => void;
}

type Notice = { tone: 'ok' | 'error' | 'info'; text: string } | null;

/** Backend URL and token, with "Test connection" and Save (which asks for the backend origin first). */
export function ConnectionSection({ platform, me, onSaved }: ConnectionSectionProps) {
  const { t } = useI18n();
  const send = useSend();
  const [apiUrl, setApiUrl] = useState('');
  const [token, setToken] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState<ConnectionFields['locked']>([]);

  useEffect(() => {
    platform
      .readConnection()
      .then((fields) => {
        setApiUrl(fields.apiUrl);
        setToken(fields.token);
        setLocked(fields.locked);
      })
      .catch(() => undefined);
  }, [platform]);
  const urlLocked = locked.includes('apiUrl');
  // A token set by policy is not shown, so nothing here can test or save it.
  const tokenLocked = locked.includes('token');

  function problem(): string | null {
    if (!HttpUrl.safeParse(apiUrl.trim()).success) return t('options.invalidUrl');
    if (!token.trim()) return t('options.tokenRequired');
    return null;
  }

  async function test() {
    const invalid = problem();
    if (invalid) return setNotice({ tone: 'error', text: invalid });
    setBusy(true);
    setNotice({ tone: 'info', text: t('options.testing') });
    try {
      const result = await send('ui:test-connection', { apiUrl: apiUrl.trim(), token: token.trim() });
      setNotice(
        result.ok
          ? { tone: 'ok', text: t('options.testOk', { name: result.me.user.name, role: t(`popup.role.${result.me.user.role}`), company: result.me.company.name }) }
          : { tone: 'error', text: t('options.testFailed', { reason: result.error }) },
      );
    } catch (error) {
      setNotice({ tone: 'error', text: t('options.testFailed', { reason: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  }

  async function save(event: Event) {
    event.preventDefault();
    const invalid = problem();
    if (invalid) return setNotice({ tone: 'error', text: invalid });
    // The permission prompt must come straight from the click: no await before it.
    const granted = await platform.requestOrigins([originPattern(apiUrl.trim())]).catch(() => false);
    if (!granted) return setNotice({ tone: 'error', text: t('options.permissionDenied') });
    try {
      await platform.saveConfig({ apiUrl: apiUrl.trim(), token: token.trim() });
      setNotice({ tone: 'ok', text: t('options.saved') });
      onSaved();
    } catch (error) {
      setNotice({ tone: 'error', text: t('options.saveFailed', { reason: error instanceof Error ? error.message : String(error) }) });
    }
  }

  return (
    <section class="al-options-card" aria-labelledby="al-connection">
      <h2 id="al-connection">{t('options.connection')}</h2>
      {locked.length > 0 && <p class="al-options-locked">{t('options.managed')}</p>}
      <form onSubmit={save}>
        <label class="al-field">
          {t('options.apiUrl')}
          <input
            type="url"
            name="apiUrl"
            required
            placeholder="https://alumni.example.com"
            value={apiUrl}
            readOnly={urlLocked}
            onInput={(e) => setApiUrl((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="al-field">
          {t('options.token')}
          <input
            type="password"
            name="token"
            required
            autoComplete="off"
            value={tokenLocked ? '••••••••' : token}
            readOnly={tokenLocked}
            onInput={(e) => setToken((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        {!tokenLocked && (
          <div class="al-options-actions">
            <button type="button" class="al-button" onClick={test} disabled={busy}>
              {t('options.test')}
            </button>
            <button type="submit" class="al-button" data-variant="primary">
              {t('options.save')}
            </button>
          </div>
        )}
      </form>
      <p class="al-options-notice" role="status" aria-live="polite" data-tone={notice?.tone ?? 'none'}>
        {notice?.text ?? ''}
      </p>
      <dl class="al-options-role">
        <dt>{t('options.role')}</dt>
        <dd>{me ? `${t(`popup.role.${me.user.role}`)} · ${me.user.name} · ${me.company.name}` : t('options.roleUnknown')}</dd>
      </dl>
    </section>
  );
}
