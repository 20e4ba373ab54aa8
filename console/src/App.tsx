import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Session } from '../../utils/api/console';
import type { LangSetting } from '../../utils/i18n';
import { consoleI18n } from '../../utils/i18n/console';
import { I18nContext } from '../../utils/i18n/context';
import { createConsoleApi, type ConsoleApi } from './api';
import { ConsoleContext } from './context';
import { Layout } from './Layout';
import { applyTheme, effectiveLang, loadLangSetting, loadTheme, saveLangSetting, saveTheme, type ThemeSetting } from './prefs';
import { SignIn, type SignedOutReason } from './pages/SignIn';

export interface AppProps {
  /** Tests pass a fetch that reaches their server. */
  fetch?: typeof fetch;
}

type State = { phase: 'checking' } | { phase: 'signed-out'; reason: SignedOutReason } | { phase: 'signed-in'; session: Session };

/** The console: asks the server whether this browser has a session, then shows sign-in or the console. */
export function App({ fetch }: AppProps) {
  const [state, setState] = useState<State>({ phase: 'checking' });
  const [langSetting, setLangSetting] = useState<LangSetting>(loadLangSetting);
  const [theme, setTheme] = useState<ThemeSetting>(loadTheme);
  const csrf = useRef<string | undefined>(undefined);
  const i18n = useMemo(() => consoleI18n(effectiveLang(langSetting)), [langSetting]);

  const api: ConsoleApi = useMemo(
    () =>
      createConsoleApi({
        fetch,
        csrfToken: () => csrf.current,
        onSignedOut: (code) => {
          csrf.current = undefined;
          setState({ phase: 'signed-out', reason: code === 'session_expired' ? 'expired' : 'none' });
        },
      }),
    [fetch],
  );

  const signedIn = (session: Session) => {
    csrf.current = session.csrfToken;
    setState({ phase: 'signed-in', session });
  };

  useEffect(() => {
    api.session().then(signedIn, (error: { code?: string }) =>
      setState({ phase: 'signed-out', reason: error.code === 'session_expired' ? 'expired' : 'none' }),
    );
  }, [api]);

  useEffect(() => {
    document.documentElement.lang = i18n.lang;
    document.title = i18n.t('console.title');
  }, [i18n]);
  useEffect(() => applyTheme(theme), [theme]);

  const preferences = {
    langSetting,
    theme,
    setLang: (value: LangSetting) => {
      saveLangSetting(value);
      setLangSetting(value);
    },
    setTheme: (value: ThemeSetting) => {
      saveTheme(value);
      setTheme(value);
    },
  };

  const signOut = async () => {
    await api.signOut().catch(() => undefined);
    csrf.current = undefined;
    setState({ phase: 'signed-out', reason: 'signed-out' });
  };

  return (
    <I18nContext.Provider value={i18n}>
      {state.phase === 'checking' && <p role="status" class="boot">{i18n.t('console.loading')}</p>}
      {state.phase === 'signed-out' && <SignIn api={api} reason={state.reason} onSignedIn={signedIn} preferences={preferences} />}
      {state.phase === 'signed-in' && (
        <ConsoleContext.Provider value={{ api, session: state.session }}>
          <Layout preferences={preferences} onSignOut={signOut} />
        </ConsoleContext.Provider>
      )}
    </I18nContext.Provider>
  );
}

export type Preferences = {
  langSetting: LangSetting;
  theme: ThemeSetting;
  setLang: (value: LangSetting) => void;
  setTheme: (value: ThemeSetting) => void;
};
