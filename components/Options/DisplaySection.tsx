import { useEffect, useState } from 'preact/hooks';
import type { DisplayMode, Settings } from '../../utils/config';
import { useI18n } from '../../utils/i18n/context';
import type { OptionsPlatform } from './platform';

export interface DisplaySectionProps {
  platform: OptionsPlatform;
  settings: Settings;
  onChange: (settings: Settings) => void;
}

const MODES: DisplayMode[] = ['in-page', 'side-panel'];

/** Where cards and offers appear: in the page, or in the browser's side panel (an enterprise policy may decide). */
export function DisplaySection({ platform, settings, onChange }: DisplaySectionProps) {
  const { t } = useI18n();
  const [policy, setPolicy] = useState<DisplayMode | undefined>(undefined);
  useEffect(() => {
    platform.readDisplayPolicy?.().then(setPolicy, () => setPolicy(undefined));
  }, [platform]);
  const current = policy ?? settings.display;

  async function choose(display: DisplayMode) {
    onChange(await platform.updateSettings((s) => ({ ...s, display })));
  }

  return (
    <section class="al-options-card" aria-labelledby="al-display">
      <h2 id="al-display">{t('options.display')}</h2>
      {policy && <p class="al-options-locked">{t('options.display.managed')}</p>}
      <fieldset class="al-options-display" disabled={policy !== undefined}>
        <legend class="al-visually-hidden">{t('options.display')}</legend>
        {MODES.map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="al-display"
              value={mode}
              checked={current === mode}
              aria-describedby={`al-display-${mode}-help`}
              onChange={() => void choose(mode)}
            />
            <span>
              <span class="al-options-display-name">{t(`options.display.${mode}`)}</span>
              <span class="al-muted" id={`al-display-${mode}-help`}>
                {t(`options.display.${mode}.help`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p class="al-muted">{t('options.display.reload')}</p>
    </section>
  );
}
