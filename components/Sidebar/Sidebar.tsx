import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Alumnus, Offer } from '../../utils/api';
import type { Confidence, Evidence } from '../../utils/messaging/protocol';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';
import { OrganizationCard } from '../OrganizationCard/OrganizationCard';
import { PersonCard } from '../PersonCard/PersonCard';
import { PersonRow } from '../PersonRow/PersonRow';
import {
  featuredPeople,
  hasSidebarContent,
  organizationsWithNews,
  sameSelection,
  type Selection,
  type PagePerson,
  relatedPeople,
  type SidebarState,
  type SidebarStore,
  useSidebarState,
} from './sidebar-store';

export interface SidebarProps {
  store: SidebarStore;
  /** Remembers the collapsed state for the site (the worker stores it per site). */
  onCollapsedChange?: (collapsed: boolean) => void;
  pollMs?: number;
  /**
   * Shown in the browser's side panel rather than over the page: always open (the browser closes the
   * panel), and alumni the page only mentions in a side rail are listed too, as there are no badges.
   */
  docked?: boolean;
  /** The user opened an alumnus's card from a list here (the side panel scrolls the page to them). */
  onOpenPerson?: (alumnusId: string) => void;
}

interface OpenPerson {
  alumnus: Alumnus;
  match?: { confidence: Confidence; evidence: Evidence[] };
  offers: Offer[];
  organizationId?: string;
}

/** The person whose card is open: that person of the page, or one listed among an organisation's alumni. */
function findPerson(state: SidebarState, { alumnusId, ref }: Selection): OpenPerson | null {
  const person =
    state.people.find((p) => p.ref === ref && p.alumnus.id === alumnusId) ?? state.people.find((p) => p.alumnus.id === alumnusId);
  if (person) return { alumnus: person.alumnus, match: person, offers: person.offers };
  for (const org of state.organizations) {
    const alumnus = org.alumni.find((a) => a.id === alumnusId) ?? org.fittingAlumni?.find((fit) => fit.alumnus.id === alumnusId)?.alumnus;
    if (alumnus) return { alumnus, offers: org.offers, organizationId: org.organization.id };
  }
  return null;
}

/** A profile opens straight on its subject's card, as does a page with one person and nothing else. */
function defaultPerson(state: SidebarState): Selection | null {
  const subject = state.people.find((person) => person.role === 'subject');
  const featured = featuredPeople(state);
  const only = featured.length === 1 && organizationsWithNews(state).length === 0 ? featured[0] : undefined;
  const person = subject ?? only;
  return person ? { alumnusId: person.alumnus.id, ref: person.ref } : null;
}

/** The page's Alumni Lens panel: a card column on the right, collapsible to a small tab (Escape collapses). */
export function Sidebar({ store, onCollapsedChange, pollMs, docked = false, onOpenPerson }: SidebarProps) {
  const { t } = useI18n();
  const send = useSend();
  const state = useSidebarState(store);
  const tabRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const focusAfterToggle = useRef(false);
  const focusAfterBack = useRef(false);
  const shownSelection = useRef(state.selected);
  const count = featuredPeople(state).length + organizationsWithNews(state).length;

  function setCollapsed(collapsed: boolean) {
    focusAfterToggle.current = true;
    store.update({ collapsed });
    onCollapsedChange?.(collapsed);
  }

  // Keyboard users land on the control that undoes what they just did. Layout effects: focus moves in the same
  // commit that removes the pressed control, so it never rests on the document in between (a screen reader
  // would announce the page).
  useLayoutEffect(() => {
    if (!focusAfterToggle.current) return;
    focusAfterToggle.current = false;
    if (state.collapsed) tabRef.current?.focus();
    else panelRef.current?.focus();
  }, [state.collapsed]);

  // Opening a card (a badge on the page, a row here) or going back replaces the control that was used:
  // focus goes to the panel, so the card is read next and Tab and Escape keep working in it. A new page
  // clearing the selection is not the user's doing and takes no focus.
  useLayoutEffect(() => {
    const opened = state.selected !== null && state.selected !== shownSelection.current;
    shownSelection.current = state.selected;
    if ((opened || focusAfterBack.current) && !state.collapsed) panelRef.current?.focus();
    focusAfterBack.current = false;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the selection changes; collapsing has its own focus effect above
  }, [state.selected]);

  if (!hasSidebarContent(state) && !(docked && relatedPeople(state).length > 0)) return null;

  function openPerson(selection: Selection) {
    store.update({ selected: selection });
    onOpenPerson?.(selection.alumnusId);
  }

  if (state.collapsed && !docked) {
    return (
      <div class="al-sidebar-dock" data-collapsed="true">
        <button
          ref={tabRef}
          type="button"
          class="al-sidebar-tab"
          aria-expanded="false"
          aria-label={t('sidebar.expand', { count })}
          onClick={() => setCollapsed(false)}
        >
          <span class="al-logo" aria-hidden="true">
            A
          </span>
          <span class="al-sidebar-tab-count" aria-hidden="true">
            {count}
          </span>
        </button>
      </div>
    );
  }

  const selection = state.selected ?? defaultPerson(state);
  const open = selection ? findPerson(state, selection) : null;
  const canGoBack = open !== null && !sameSelection(defaultPerson(state), selection);

  return (
    <aside
      ref={panelRef}
      class="al-sidebar"
      data-collapsed="false"
      data-docked={docked ? 'true' : undefined}
      data-view={open ? 'person' : 'overview'}
      aria-label={t('sidebar.label')}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !docked) {
          event.stopPropagation();
          setCollapsed(true);
        }
      }}
    >
      <header class="al-sidebar-header">
        {canGoBack ? (
          <button
            type="button"
            class="al-icon-button"
            aria-label={t('sidebar.back')}
            onClick={() => {
              focusAfterBack.current = true;
              store.update({ selected: null });
            }}
          >
            <span aria-hidden="true">‹</span>
          </button>
        ) : (
          <span class="al-logo" aria-hidden="true">
            A
          </span>
        )}
        <span class="al-sidebar-title">{t('app.name')}</span>
        <button
          type="button"
          class="al-icon-button"
          data-icon="settings"
          aria-label={t('sidebar.settings')}
          title={t('sidebar.settings')}
          onClick={() => void send('page:open-options', {}).catch(() => undefined)}
        >
          <span aria-hidden="true">⚙</span>
        </button>
        {!docked && (
          <button
            type="button"
            class="al-icon-button"
            aria-expanded="true"
            aria-label={t('sidebar.collapse')}
            onClick={() => setCollapsed(true)}
          >
            <span aria-hidden="true">›</span>
          </button>
        )}
      </header>
      <div class="al-sidebar-body">
        {open ? (
          <PersonCard
            key={`${open.alumnus.id}:${selection?.ref ?? ''}`}
            alumnus={open.alumnus}
            match={open.match}
            offers={open.offers}
            role={state.role}
            context={{ ...state.context, organizationId: open.organizationId ?? open.alumnus.currentEmployer?.organizationId }}
            pollMs={pollMs}
          />
        ) : (
          <Overview state={state} onOpenPerson={openPerson} pollMs={pollMs} />
        )}
        {docked && <RelatedPeople state={state} onOpenPerson={openPerson} />}
      </div>
    </aside>
  );
}

/** Side-panel mode's stand-in for the badges of a side rail ("People also viewed"). */
function RelatedPeople({ state, onOpenPerson }: { state: SidebarState; onOpenPerson: (selection: Selection) => void }) {
  const { t } = useI18n();
  const related = relatedPeople(state).filter((person) => person.ref !== state.selected?.ref);
  return <PeopleSection title={t('sidebar.related')} people={related} onOpenPerson={onOpenPerson} />;
}

/** A titled list of people of the page, each row opening their card; nothing when there is nobody. */
function PeopleSection({ title, people, onOpenPerson }: { title: string; people: PagePerson[]; onOpenPerson: (selection: Selection) => void }) {
  if (people.length === 0) return null;
  return (
    <section class="al-overview-people" aria-label={title}>
      <h2 class="al-section-title">{title}</h2>
      <ul class="al-people-list">
        {people.map((person) => (
          <PersonRow
            key={person.ref}
            alumnus={person.alumnus}
            details={person.alumnus.currentEmployer ? [person.alumnus.currentEmployer.name] : []}
            confidence={person.confidence}
            onOpen={() => onOpenPerson({ alumnusId: person.alumnus.id, ref: person.ref })}
          />
        ))}
      </ul>
    </section>
  );
}

function Overview({ state, onOpenPerson, pollMs }: { state: SidebarState; onOpenPerson: (selection: Selection) => void; pollMs?: number }) {
  const { t } = useI18n();
  return (
    <>
      {organizationsWithNews(state).map((org) => (
        <OrganizationCard
          key={org.organization.id}
          organization={org.organization}
          alumni={org.alumni}
          offers={org.offers}
          offerReasons={org.offerReasons}
          fittingAlumni={org.fittingAlumni}
          role={state.role}
          onOpenPerson={(alumnusId) => onOpenPerson({ alumnusId })}
          pollMs={pollMs}
        />
      ))}
      <PeopleSection title={t('sidebar.people')} people={featuredPeople(state)} onOpenPerson={onOpenPerson} />
    </>
  );
}
