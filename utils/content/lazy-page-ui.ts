import { createPageHosts } from './page-hosts';
import type { CreatePageUi, PageUiOptions } from './page-ui';
import { hasSomethingToShow, type PageResults, type PageView } from './page-view';

export interface LazyPageUiOptions extends Omit<PageUiOptions, 'hosts'> {
  /** The in-page UI (page-ui-handoff.ts in the extension; tests hand the module itself). */
  load(): Promise<CreatePageUi>;
  /** After a failed load, how long until it is tried again on its own (default RETRY_MS). */
  retryMs?: number;
}

/**
 * A failed load (the worker was being updated or restarted) is tried again this much later, at most
 * AUTO_RETRIES times: a page that is not read again (a static profile) must still get its card.
 */
const RETRY_MS = 1_000;
const AUTO_RETRIES = 3;

/**
 * In-page mode as the content script sees it: the two empty hosts are added as before, whether or not
 * anyone is recognised, but the UI that draws into them (Preact, the components, their CSS: most of a
 * script's size, issue 11) is loaded only when a page first has something to show. Until then, and on a
 * page where nobody is recognised, the page gets the same empty hosts and no UI code runs.
 *
 * `preload` fetches the UI's code ahead, while the page is still being matched (issue 11, document idle →
 * card): on pages that usually show something, the card no longer waits for the match and then for the
 * worker to inject the UI, one after the other. Loaded ahead, the code still draws nothing until results
 * with something in them arrive: the page sees the same empty hosts either way.
 */
export function createLazyPageUi(options: LazyPageUiOptions): PageView & { preload(): void } {
  const { load, retryMs = RETRY_MS, ...uiOptions } = options;
  const hosts = createPageHosts(options.doc, options.signal);
  options.signal.addEventListener('abort', () => clearTimeout(retryTimer), { once: true });
  let ui: PageView | null = null;
  // The UI's code, once loaded: nothing is drawn with it until a page has something to show.
  let create: CreatePageUi | null = null;
  let loading = false;
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  // What arrived while the UI was loading: the latest results with something in them, shown once it is there.
  let waiting: PageResults | null = null;

  function draw(results: PageResults) {
    ui = create!({ ...uiOptions, hosts });
    ui.prepare();
    ui.show(results);
  }

  function start() {
    if (loading || create || options.signal.aborted) return;
    clearTimeout(retryTimer);
    loading = true;
    load().then(
      (loaded) => {
        loading = false;
        if (options.signal.aborted) return;
        create = loaded;
        if (waiting) draw(waiting);
        waiting = null;
      },
      (error: unknown) => {
        // The worker was updating, or the page went away: the next results with something in them try
        // again, and so does a timer, in case none come.
        loading = false;
        console.debug('[alumni-lens] the in-page UI did not load', error);
        if (waiting && retries < AUTO_RETRIES) {
          retries++;
          retryTimer = setTimeout(() => waiting && start(), retryMs);
        }
      },
    );
  }

  return {
    show(results, showOptions) {
      if (ui) return ui.show(results, showOptions);
      hosts.sidebar();
      const something = hasSomethingToShow(results);
      if (something && create) return draw(results);
      waiting = something ? results : null;
      if (waiting) start();
    },
    clear() {
      waiting = null;
      ui?.clear();
    },
    prepare() {
      if (ui) return ui.prepare();
      hosts.sidebar();
      hosts.layer();
    },
    preload: start,
  };
}
