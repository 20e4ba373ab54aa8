import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMarkerLayer } from '../../../utils/content/marker-layer';
import { createPageHosts } from '../../../utils/content/page-hosts';
import { HOST_TAG } from '../../../utils/content/shadow-host';
import type { I18n } from '../../../utils/i18n/create';
import { pageI18n } from '../../../utils/i18n/page';

// happy-dom does no layout: each name gets a box as a browser would give it.
const boxes = new Map<Node, DOMRect>();
function place(element: Element, left: number, top: number, width = 120, height = 20) {
  boxes.set(element, new DOMRect(left, top, width, height));
}

/** The layer as the in-page UI makes it: drawn into the content script's host, which goes with the signal. */
function markerLayer(i18n: I18n, signal: AbortSignal) {
  return createMarkerLayer(document, '', i18n, signal, createPageHosts(document, signal).layer);
}

const attached: ShadowRoot[] = [];
const realAttachShadow = Element.prototype.attachShadow;

beforeEach(() => {
  document.body.innerHTML = `<ul class="results">
      <li><a class="name" href="/in/paul">Paul Whitaker</a></li>
      <li><a class="name" href="/in/marcos">Marcos Ruiz</a></li>
    </ul>`;
  attached.length = 0;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = realAttachShadow.call(this, init);
    attached.push(root);
    return root;
  });
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const box = boxes.get(this.startContainer);
    return (box ? [box] : []) as unknown as DOMRectList;
  });
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    callback(0);
    return 1;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  boxes.clear();
});

describe('marker layer', () => {
  it("puts a labelled badge after an alumnus's name without touching the page's own elements", async () => {
    const list = document.querySelector('.results')!;
    const before = list.outerHTML;
    const marcos = document.querySelectorAll('.name')[1]!;
    place(marcos, 40, 300);
    const onOpen = vi.fn();
    const controller = new AbortController();
    const layer = markerLayer(pageI18n('en'), controller.signal);

    layer.set([{ anchor: marcos, variant: 'badge', confidence: 'likely', onOpen }]);

    expect(list.outerHTML).toBe(before);
    const host = document.querySelector(HOST_TAG)!;
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttributeNames()).toEqual([]);
    const badge = attached[0]!.querySelector<HTMLButtonElement>('button.al-marker')!;
    expect(badge.getAttribute('aria-label')).toBe('Likely alumnus — show why');
    // Just after the name: right edge + gap, vertically centred on the line.
    expect(badge.style.left).toBe('166px');
    expect(badge.style.top).toBe('301px');
    badge.click();
    expect(onOpen).toHaveBeenCalledOnce();

    controller.abort();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('draws nothing for names scrolled out of view, and stays, empty, when there is nothing to mark', () => {
    const paul = document.querySelector('.name')!;
    place(paul, 40, 10);
    const stop = new AbortController();
    const layer = markerLayer(pageI18n('ja'), stop.signal);
    layer.set([{ anchor: paul, variant: 'badge', confidence: 'confirmed', onOpen: () => undefined }]);
    expect(attached[0]!.querySelectorAll('button')).toHaveLength(1);
    place(paul, 40, -200);
    window.dispatchEvent(new Event('scroll'));
    layer.set([...[{ anchor: paul, variant: 'badge' as const, confidence: 'confirmed' as const, onOpen: () => undefined }]]);
    expect(attached[0]!.querySelectorAll('button')).toHaveLength(0);
    // Nobody to mark any more: the layer is emptied but stays, so whether it is there says nothing.
    place(paul, 40, 10);
    layer.set([]);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(attached[0]!.querySelectorAll('button')).toHaveLength(0);
    stop.abort();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('can be added before there is anything to mark, as the same empty element', () => {
    const layer = markerLayer(pageI18n('ja'), new AbortController().signal);
    layer.attach();
    layer.attach();
    const hosts = document.querySelectorAll(HOST_TAG);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.outerHTML).toBe(`<${HOST_TAG}></${HOST_TAG}>`);
    expect(attached[0]!.querySelectorAll('button')).toHaveLength(0);
  });

  it('highlights a name found in running text over its own line boxes', () => {
    const p = document.createElement('p');
    p.textContent = 'Led by Marcos Ruiz since 2020.';
    document.body.append(p);
    const range = document.createRange();
    range.setStart(p.firstChild!, 7);
    range.setEnd(p.firstChild!, 18);
    boxes.set(p.firstChild!, new DOMRect(100, 50, 90, 18));
    const layer = markerLayer(pageI18n('ja'), new AbortController().signal);
    layer.set([{ anchor: range, variant: 'highlight', confidence: 'likely', onOpen: () => undefined }]);
    const mark = attached[0]!.querySelector<HTMLButtonElement>('[data-variant="highlight"]')!;
    expect(mark.getAttribute('aria-label')).toBe('このページに名前のあるアルムナイ(可能性大) — 根拠を表示');
    expect([mark.style.left, mark.style.top, mark.style.width, mark.style.height]).toEqual(['100px', '50px', '90px', '18px']);
    expect(p.outerHTML).toBe('<p>Led by Marcos Ruiz since 2020.</p>');
  });
});
