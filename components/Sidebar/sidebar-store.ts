import { useEffect, useState } from 'preact/hooks';
import type { Role } from '../../utils/api';
import type { OrganizationMatch, PersonMatch } from '../../utils/messaging/protocol';
import type { PersonRole } from '../../utils/sites/types';

/** A match plus how the person appears on the page: the profile's subject, a list row, or a side rail. */
export type PagePerson = PersonMatch & { role: PersonRole };

/**
 * The card to show: a person of the page by `ref` (two people of a page may both be possible matches for
 * one alumnus, and each badge opens its own person's card and evidence), or an alumnus from an
 * organisation's list, who is not a person of the page.
 */
export interface Selection {
  alumnusId: string;
  ref?: number;
}

export interface SidebarState {
  people: PagePerson[];
  organizations: OrganizationMatch[];
  role: Role | null;
  collapsed: boolean;
  /** The card that is open, or null for the page overview. */
  selected: Selection | null;
  context: { url?: string; site?: string };
}

export interface SidebarStore {
  get(): SidebarState;
  update(change: Partial<SidebarState>): void;
  subscribe(listener: (state: SidebarState) => void): () => void;
}

/** The page's sidebar state, shared by the sidebar, the in-page markers and the content runtime. */
export function createSidebarStore(initial: SidebarState): SidebarStore {
  let state = initial;
  const listeners = new Set<(state: SidebarState) => void>();
  return {
    get: () => state,
    update(change) {
      state = { ...state, ...change };
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useSidebarState(store: SidebarStore): SidebarState {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe(setState);
  }, [store]);
  return state;
}

/** People the overview lists: side-rail matches ("People also viewed") only get a badge. */
export function featuredPeople(state: SidebarState): PagePerson[] {
  return state.people.filter((person) => person.role !== 'related');
}

/** People a side rail mentions ("People also viewed"): badges in the page, a list of their own in the side panel. */
export function relatedPeople(state: SidebarState): PagePerson[] {
  return state.people.filter((person) => person.role === 'related');
}

/** Organisations worth a card: ones with alumni working there now or offers concerning them. */
export function organizationsWithNews(state: SidebarState): OrganizationMatch[] {
  return state.organizations.filter((org) => org.offers.length > 0 || (state.role !== 'alumni' && org.alumni.length > 0));
}

export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return a?.alumnusId === b?.alumnusId && a?.ref === b?.ref;
}

/** Whether the page has anything for the sidebar; when not, it is not even injected. */
export function hasSidebarContent(state: SidebarState): boolean {
  return state.selected !== null || featuredPeople(state).length > 0 || organizationsWithNews(state).length > 0;
}
