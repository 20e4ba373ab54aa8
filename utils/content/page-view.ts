import type { PersonRole } from '../sites/types';
import type { Confidence } from '../recognition/confidence';
import type { OrganizationShell, PersonShell } from './match-shell';

/**
 * A page's results as the content script has them: the worker's matches checked only as far as it reads them
 * (match-shell.ts). The in-page UI checks the rest in full before drawing (page-ui.tsx); in side-panel mode the
 * worker does (page:panel-show).
 */
export interface PageResults {
  url: string;
  people: Array<PersonShell & { role: PersonRole; element: Element | null }>;
  organizations: OrganizationShell[];
  /** Names in an organisation website's text: the page person (`ref`) each one opens, and how sure the match is. */
  highlights: Array<{ alumnusId: string; ref: number; confidence: Confidence; ranges: Range[] }>;
}

/** What the content runtime does with a page's results: draw them (in-page mode) or publish them (side-panel mode). */
export interface PageView {
  /** `refresh`: the same page read again (more rows loaded); the open card stays open. */
  show(results: PageResults, options?: { refresh?: boolean }): void;
  /** Back to nothing on the page (a new page is being read). */
  clear(): void;
  /** A page the site's adapter reads is about to be read: be ready to show it (in-page mode adds its hosts now). */
  prepare(): void;
}

/** Whether results have anything to draw: a card, an organisation, a badge or a highlight. */
export function hasSomethingToShow(results: PageResults): boolean {
  return results.people.length > 0 || results.organizations.length > 0 || results.highlights.length > 0;
}
