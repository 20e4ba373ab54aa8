import { h, render } from 'preact';
import { Marker } from '../../components/Marker/Marker';
import type { Confidence } from '../messaging/protocol';
import { I18nContext, type I18n } from '../i18n/context';
import type { ClosedHost } from './shadow-host';

/** Something on the page to mark: a name element in a list (badge), or a name in running text (highlight). */
export interface MarkerTarget {
  anchor: Element | Range;
  variant: 'badge' | 'highlight';
  confidence?: Confidence;
  onOpen(): void;
}

export interface MarkerLayer {
  /** Adds the (empty) overlay now, so that its presence does not depend on there being anything to mark. */
  attach(): void;
  set(targets: MarkerTarget[]): void;
  /** Stops drawing and following the page; the host itself is its owner's (page-hosts.ts). */
  remove(): void;
}

const BADGE_PX = 18;
// Layout can shift without scroll or resize events (lazy images, expanding sections).
const REPOSITION_EVERY_MS = 750;

type Box = { left: number; top: number; width: number; height: number };

function rectsOf(anchor: Element | Range): DOMRect[] {
  if (anchor instanceof Element) {
    if (!anchor.isConnected) return [];
    // The text's own line boxes, so the badge follows the last word, not a block's far edge.
    const range = anchor.ownerDocument.createRange();
    range.selectNodeContents(anchor);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    return lines.length ? lines : [anchor.getBoundingClientRect()];
  }
  if (!anchor.startContainer.isConnected) return [];
  return [...anchor.getClientRects()];
}

function boxesFor(target: MarkerTarget, viewport: { width: number; height: number }): Box[] {
  const rects = rectsOf(target.anchor).filter(
    (r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < viewport.height && r.right > 0 && r.left < viewport.width,
  );
  if (target.variant === 'highlight') return rects.map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
  const last = rects[rects.length - 1];
  if (!last) return [];
  return [{ left: last.right + 6, top: last.top + last.height / 2 - BADGE_PX / 2, width: BADGE_PX, height: BADGE_PX }];
}

/**
 * Draws markers in one fixed, click-through overlay whose content sits in a closed shadow root,
 * positioned over the page's own elements. The page's DOM is left as it was: no wrappers around
 * names and no siblings next to them that would tell page scripts who is an alumnus.
 */
export function createMarkerLayer(doc: Document, css: string, i18n: I18n, signal: AbortSignal, hostOf: () => ClosedHost | null): MarkerLayer {
  const view = doc.defaultView!;
  let host: ClosedHost | null = null;
  let targets: MarkerTarget[] = [];
  let frame = 0;
  let listeners: AbortController | null = null;
  signal.addEventListener('abort', () => remove(), { once: true });

  function draw() {
    frame = 0;
    if (!host) return;
    const viewport = { width: view.innerWidth, height: view.innerHeight };
    const markers = targets.flatMap((target, i) =>
      boxesFor(target, viewport).map((box, j) =>
        h(Marker, { key: `${i}:${j}`, variant: target.variant, confidence: target.confidence, box, onOpen: target.onOpen }),
      ),
    );
    render(h(I18nContext.Provider, { value: i18n }, h('div', { class: 'al-marker-layer' }, markers)), host.container);
  }

  function schedule() {
    if (!frame) frame = view.requestAnimationFrame(draw);
  }

  function listen() {
    listeners = new AbortController();
    const options = { capture: true, passive: true, signal: listeners.signal };
    // Capture catches scrolling inside inner containers too (LinkedIn scrolls some lists in place).
    view.addEventListener('scroll', schedule, options);
    view.addEventListener('resize', schedule, options);
    const timer = view.setInterval(schedule, REPOSITION_EVERY_MS);
    listeners.signal.addEventListener('abort', () => view.clearInterval(timer), { once: true });
  }

  function stopFollowing() {
    listeners?.abort();
    listeners = null;
    if (frame) view.cancelAnimationFrame(frame);
    frame = 0;
  }

  function attach() {
    if (signal.aborted) return;
    const next = hostOf();
    if (next && next !== host) next.useCss(css);
    host = next;
  }

  function remove() {
    stopFollowing();
    if (host) render(null, host.container);
    host = null;
  }

  return {
    attach,
    set(next) {
      if (signal.aborted) return;
      targets = next;
      // Nothing to mark: the layer (if added) is emptied, and no scroll or timer work is done for it.
      if (!targets.length) {
        stopFollowing();
        draw();
        return;
      }
      attach();
      if (!listeners) listen();
      draw();
    },
    remove,
  };
}
