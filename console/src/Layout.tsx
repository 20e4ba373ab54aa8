import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ConsoleKey } from '../../utils/i18n';
import { useI18n } from '../../utils/i18n/context';
import type { Preferences } from './App';
import { isAdmin, useConsole } from './context';
import { AccessPage } from './pages/Access';
import { AlumniPage } from './pages/Alumni';
import { AlumnusPage } from './pages/Alumnus';
import { ExportPage } from './pages/Export';
import { ImportPage } from './pages/Import';
import { OffersPage } from './pages/Offers';
import { OrganizationsPage } from './pages/Organizations';
import { OverviewPage } from './pages/Overview';
import { PreferenceSwitches } from './Preferences';
import { hrefOf, onLinkClick, useRoute } from './router';

interface Section {
  route: string;
  label: ConsoleKey;
  page: ComponentType;
  /** Admins only: other roles do not see it in the menu, and opening it says why not. */
  admin?: boolean;
}

// Meetings and showcases (issue 9) slot in here as sections of their own.
const sections: Section[] = [
  { route: '', label: 'console.nav.overview', page: OverviewPage },
  { route: 'alumni', label: 'console.nav.alumni', page: AlumniPage },
  { route: 'import', label: 'console.nav.import', page: ImportPage, admin: true },
  { route: 'offers', label: 'console.nav.offers', page: OffersPage },
  { route: 'organizations', label: 'console.nav.organizations', page: OrganizationsPage },
  { route: 'access', label: 'console.nav.access', page: AccessPage, admin: true },
  { route: 'export', label: 'console.nav.export', page: ExportPage, admin: true },
];

function Page({ route }: { route: string }) {
  const { t } = useI18n();
  const { session } = useConsole();
  const role = t(`console.role.${session.user.role}`);
  const [first, ...rest] = route.split('/');
  if (first === 'alumni' && rest.length === 1) return <AlumnusPage id={rest[0]} />;
  const section = rest.length === 0 ? sections.find((s) => s.route === first) : undefined;
  if (!section) return <p role="alert">{t('console.notFound')}</p>;
  if (section.admin && !isAdmin(session)) {
    return (
      <>
        <h1 tabIndex={-1}>{t(section.label)}</h1>
        <p role="alert" class="error">
          {t('console.forbidden', { role })}
        </p>
      </>
    );
  }
  const Component = section.page;
  return <Component />;
}

/** Header, menu and the current page. Moving to a page puts focus on its heading, so screen readers announce it. */
export function Layout({ preferences, onSignOut }: { preferences: Preferences; onSignOut: () => void }) {
  const { t } = useI18n();
  const { session } = useConsole();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route]);

  const current = route.split('/')[0];
  const visible = sections.filter((s) => !s.admin || isAdmin(session));
  return (
    <div class="layout">
      <a class="skip-link" href="#main">
        {t('console.skip')}
      </a>
      <header class="topbar">
        <span class="brand">{t('console.title')}</span>
        <span class="who">{t('console.signedInAs', { name: session.user.name, role: t(`console.role.${session.user.role}`) })}</span>
        <PreferenceSwitches preferences={preferences} />
        <button type="button" onClick={onSignOut}>
          {t('console.signOut')}
        </button>
      </header>
      <nav class="sidenav" aria-label={t('console.nav')}>
        <ul>
          {visible.map((section) => (
            <li key={section.route}>
              <a
                href={hrefOf(section.route)}
                onClick={onLinkClick(section.route)}
                aria-current={current === section.route ? 'page' : undefined}
              >
                {t(section.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
    </div>
  );
}
