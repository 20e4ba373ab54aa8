/**
 * The one kind of element Alumni Lens adds to a host page: a data-free custom element whose content
 * lives in a CLOSED shadow root. `host.shadowRoot` is null for the page's scripts, `>>>`-style
 * queries cannot pierce it, and only this module keeps the reference to the root.
 */
// Why not WXT's createShadowRootUi (wxt/utils/content-script-ui/shadow-root, read in WXT 0.21): it offers
// `mode: 'closed'` and `isolateEvents` too, but it mounts the host into the page first and renders in
// onMount after (a blank host, then a second layout; `fill` below renders first); with cssInjectionMode
// 'ui' it fetches the entry's CSS from a web-accessible extension URL, a file any page could probe to
// detect the extension (our CSS is a string bundled into the script); it may add a <style> marked
// `wxt-shadow-root-document-styles` to the page's own head; and it is async and tied to one ctx, where
// a page run creates and removes its sidebar and marker layer itself. Ours is these 20 lines.
export interface ClosedHost {
  host: HTMLElement;
  /** Where Preact renders; inside the closed root. */
  container: HTMLElement;
  /** The UI's stylesheet, given by the in-page UI when it loads (utils/content/page-ui.tsx). */
  useCss(css: string): void;
  /** Puts the host back if the page removed it (an app that redraws its whole body on navigation). */
  ensureAttached(): void;
  remove(): void;
}

/** A neutral tag: it says an extension drew something, never who or what. */
export const HOST_TAG = 'alumni-lens-ui';

// Keys typed in our forms must not trigger the host page's shortcuts (LinkedIn, GitHub have many).
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

// `all: initial` keeps the page's inherited styles (fonts, colours, line-height) out of our UI; `display:
// contents` gives the host no box of its own (everything inside is fixed-position), so its size and place
// say nothing about what it shows.
const HOST_CSS = ':host{all:initial !important;display:contents !important;}';

/**
 * An empty host: the content script adds it before anyone is recognised, and the in-page UI, loaded only
 * when there is something to show, fills it (page-hosts.ts). Its box and what the page sees stay the same.
 */
export function createClosedHost(doc: Document, variant: 'sidebar' | 'layer'): ClosedHost {
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = HOST_CSS;
  const container = doc.createElement('div');
  container.className = 'al-root';
  container.dataset.variant = variant;
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) container.addEventListener(type, (event) => event.stopPropagation());
  const attach = () => (doc.body ?? doc.documentElement).append(host);
  attach();
  return {
    host,
    container,
    useCss: (css) => {
      style.textContent = `${HOST_CSS}\n${css}`;
    },
    ensureAttached: () => {
      if (!host.isConnected) attach();
    },
    remove: () => host.remove(),
  };
}
