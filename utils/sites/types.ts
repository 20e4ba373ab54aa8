import type { Diagnostic, LayerCounts, OrganizationSignal, PageKind, PageSignals, PersonSignal } from '../signals/schema';

/**
 * How a person appears on the page. `subject`: whose page it is (always people[0] on profile kinds);
 * `listed`: a row in a list the page is about (People tab, search results, "Employees at");
 * `related`: a side rail ("People also viewed"), never to be taken for the subject.
 */
export type PersonRole = 'subject' | 'listed' | 'related';

export type Extraction =
  | {
      ok: true;
      signals: PageSignals;
      /** Parallel to signals.people: the element a badge goes next to (null when there is none). */
      nameElements: (Element | null)[];
      /** Parallel to signals.people. */
      roles: PersonRole[];
    }
  | { ok: false; diagnostic: Diagnostic };

export interface SiteAdapter {
  id: string;
  /** Manifest match patterns for the content script. */
  matches: string[];
  /** Per kind, selectors whose presence means the content has rendered; `waitForAnchors` waits for one of them. */
  anchors: Partial<Record<PageKind, string[]>>;
  /** Pure: which kind of page a URL is, or undefined for pages the adapter does not read. */
  detect(url: URL): PageKind | undefined;
  extract(doc: Document, kind: PageKind, url: URL): Extraction;
  /** Two URLs with the same key show the same page (a profile with and without query, trailing slash, country host). */
  pageKey?(url: URL): string;
}

/** What an adapter's readers produce before bounding and validation (finish.ts). */
export interface DraftPerson {
  signal: PersonSignal;
  element: Element | null;
  role: PersonRole;
}
export interface Draft {
  people: DraftPerson[];
  organizations: OrganizationSignal[];
}
/** A reader returns a draft, or the name of the anchor it could not find (and what each layer found). */
export type DraftResult = Draft | { missing: string; layers?: LayerCounts };

export type { Diagnostic, OrganizationSignal, PageKind, PageSignals, PersonSignal };
