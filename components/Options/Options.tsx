import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Settings } from '../../utils/config';
import { resolveLang, type LangSetting, type UiLang } from '../../utils/i18n';
import { appI18n } from '../../utils/i18n/app';
import { I18nContext } from '../../utils/i18n/context';
import type { ResponseOf } from '../../utils/messaging/protocol';
import { useSend } from '../api-context';
import { FailedOutbox } from '../FailedOutbox/FailedOutbox';
import { ConnectionSection } from './ConnectionSection';
import { DiagnosticsSection, PrivacySection } from './InfoSections';
import { DisplaySection } from './DisplaySection';
import type { OptionsPlatform } from './platform';
import { SitesSection } from './SitesSection';

export interface OptionsProps {
  platform: OptionsPlatform;
  sites: string[];
  /** The browser's language, for the "auto" setting. */
  browserLanguage: string;
}

/** The options page; it carries its own language so a change applies at once. */
export function Options({ platform, sites, browserLanguage }: OptionsProps) {
  const send = useSend();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<ResponseOf<'ui:get-status'> | null>(null);

  const loadStatus = () => send('ui:get-status', {}).then(setStatus, () => setStatus(null));
  useEffect(() => {
    platform.readSettings().then(setSettings, () => setSettings(null));
    void loadStatus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once per platform; `loadStatus` is a new function every render
  }, [platform]);

  const lang: UiLang = resolveLang(settings?.lang ?? 'auto', browserLanguage);
  const i18n = useMemo(() => appI18n(lang), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const { t } = i18n;

  async function setLanguage(value: LangSetting) {
    setSettings(await platform.updateSettings((s) => ({ ...s, lang: value })));
  }

  return (
    <I18nContext.Provider value={i18n}>
      <main class="al-options">
        <header class="al-options-header">
          <span class="al-logo" aria-hidden="true">
            A
          </span>
          <h1>{t('options.title')}</h1>
          <label class="al-options-lang">
            {t('options.language')}
            <select
              value={settings?.lang ?? 'auto'}
              onChange={(e) => void setLanguage((e.currentTarget as HTMLSelectElement).value as LangSetting)}
            >
              <option value="auto">{t('options.lang.auto')}</option>
              <option value="en" lang="en">
                {t('options.lang.en')}
              </option>
              <option value="ja" lang="ja">
                {t('options.lang.ja')}
              </option>
            </select>
          </label>
        </header>
        <ConnectionSection
          platform={platform}
          me={status?.me ?? null}
          onSaved={() => void loadStatus()}
        />
        {settings && (
          <SitesSection platform={platform} settings={settings} sites={sites} me={status?.me ?? null} onChange={setSettings} />
        )}
        {settings && <DisplaySection platform={platform} settings={settings} onChange={setSettings} />}
        {status && status.failedOutbox.length > 0 && (
          <section class="al-options-card" aria-labelledby="al-options-failed">
            <FailedOutbox items={status.failedOutbox} onChanged={() => void loadStatus()} headingId="al-options-failed" headingClass="" />
          </section>
        )}
        <PrivacySection />
        <DiagnosticsSection />
      </main>
    </I18nContext.Provider>
  );
}
