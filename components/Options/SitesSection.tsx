import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../utils/config';
import type { Me } from '../../utils/api';
import type { MessageKey } from '../../utils/i18n';
import { useI18n } from '../../utils/i18n/context';
import type { OptionsPlatform } from './platform';

export interface SitesSectionProps {
  platform: OptionsPlatform;
  settings: Settings;
  /** Site ids the extension reads (one per adapter, plus organisation websites). */
  sites: string[];
  /** Who the token belongs to (null until known): an alumnus is told why in other words. */
  me: Me | null;
  onChange: (settings: Settings) => void;
}

const SITE_LABELS: Record<string, MessageKey> = {
  linkedin: 'options.site.linkedin',
  wantedly: 'options.site.wantedly',
  xing: 'options.site.xing',
  github: 'options.site.github',
  'org-website': 'options.site.org-website',
};

/** Per-site switches, names highlighting, and access to organisation websites. */
export function SitesSection({ platform, settings, sites, me, onChange }: SitesSectionProps) {
  const { t } = useI18n();

  async function change(update: (current: Settings) => Settings) {
    onChange(await platform.updateSettings(update));
  }

  return (
    <section class="al-options-card" aria-labelledby="al-sites">
      <h2 id="al-sites">{t('options.sites')}</h2>
      <p class="al-muted">{t('options.sitesHelp')}</p>
      <ul class="al-options-switches">
        {sites.map((site) => (
          <li key={site}>
            <label>
              <input
                type="checkbox"
                role="switch"
                checked={settings.sites[site] ?? true}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  void change((s) => ({ ...s, sites: { ...s.sites, [site]: on } }));
                }}
              />
              {SITE_LABELS[site] ? t(SITE_LABELS[site]) : site}
            </label>
          </li>
        ))}
        <li>
          <label>
            <input
              type="checkbox"
              role="switch"
              checked={settings.highlightNames}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                void change((s) => ({ ...s, highlightNames: on }));
              }}
            />
            {t('options.highlight')}
          </label>
        </li>
      </ul>
      <OrgAccess platform={platform} me={me} />
    </section>
  );
}

function OrgAccess({ platform, me }: { platform: OptionsPlatform; me: SitesSectionProps['me'] }) {
  const { t } = useI18n();
  const [patterns, setPatterns] = useState<string[] | null>(null);
  const [state, setState] = useState<'unknown' | 'granted' | 'denied'>('unknown');

  useEffect(() => {
    platform
      .organizationPatterns()
      .then(async (found) => {
        setPatterns(found);
        if (found.length && (await platform.containsOrigins(found))) setState('granted');
      })
      .catch(() => setPatterns([]));
  }, [platform]);

  async function grant() {
    // Straight from the click: the browser shows its prompt only during a user gesture.
    const granted = await platform.requestOrigins(patterns ?? []).catch(() => false);
    setState(granted ? 'granted' : 'denied');
  }

  if (patterns === null) return null;
  const domains = new Set(patterns.map((p) => p.replace(/^https:\/\/(\*\.)?/, '').replace(/\/\*$/, ''))).size;
  return (
    <div class="al-options-org" aria-live="polite">
      <h3>{t('options.orgAccess')}</h3>
      {patterns.length === 0 ? (
        <p class="al-muted">{t('options.orgAccessNone')}</p>
      ) : (
        <>
          <p class="al-muted">
            {/* Alumni are not recognised on those sites: the access shows them the company's offers there. */}
            {me?.user.role === 'alumni'
              ? t('options.orgAccessHelpAlumni', { count: domains, company: me.company.name })
              : t('options.orgAccessHelp', { count: domains })}
          </p>
          {state === 'granted' ? (
            <p class="al-options-notice" data-tone="ok">
              {t('options.orgAccessGranted')}
            </p>
          ) : (
            <button type="button" class="al-button" onClick={grant}>
              {t('options.orgAccessGrant')}
            </button>
          )}
          {state === 'denied' && (
            <p class="al-options-notice" data-tone="error">
              {t('options.orgAccessDenied')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
