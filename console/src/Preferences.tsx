import { useI18n } from '../../utils/i18n/context';
import type { Preferences } from './App';

/** Language and theme switches, in the header and on the sign-in page. */
export function PreferenceSwitches({ preferences }: { preferences: Preferences }) {
  const { t } = useI18n();
  return (
    <div class="preferences">
      <label>
        <span>{t('console.language')}</span>
        <select value={preferences.langSetting} onChange={(e) => preferences.setLang(e.currentTarget.value as Preferences['langSetting'])}>
          <option value="auto">Auto</option>
          <option value="en" lang="en">
            English
          </option>
          <option value="ja" lang="ja">
            日本語
          </option>
        </select>
      </label>
      <label>
        <span>{t('console.theme')}</span>
        <select value={preferences.theme} onChange={(e) => preferences.setTheme(e.currentTarget.value as Preferences['theme'])}>
          <option value="auto">{t('console.theme.auto')}</option>
          <option value="light">{t('console.theme.light')}</option>
          <option value="dark">{t('console.theme.dark')}</option>
        </select>
      </label>
    </div>
  );
}
