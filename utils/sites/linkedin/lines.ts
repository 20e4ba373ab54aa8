import { pastDeadline } from '../deadline';
import { textOf } from '../text';

// A card's text as a reader sees it: one line per element that holds text of its own, in reading
// order, each with its element (so a badge can point at it). The 2026 app has no stable classes, so
// readers of its cards work on these lines and on what the lines say.

export interface Line {
  text: string;
  element: Element;
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg']);

/** Lines of `root` (itself included), walked iteratively: deep nesting cannot overflow the stack. */
export function linesOf(root: Element, maxLines = 60, maxElements = 600): Line[] {
  const out: Line[] = [];
  if (pastDeadline()) return out;
  let visited = 0;
  let element: Element | null = root;
  while (element && out.length < maxLines && visited++ < maxElements) {
    let own = false;
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3 && /\S/.test((node as Text).data)) {
        own = true;
        break;
      }
    }
    if (own) {
      const text = textOf(element, 500);
      if (text) out.push({ text, element });
    }
    // Next element in document order, not descending into skipped subtrees, never leaving `root`.
    let next: Element | null = SKIPPED.has(element.tagName) ? null : element.firstElementChild;
    while (!next && element && element !== root) {
      next = element.nextElementSibling;
      if (!next) element = element.parentElement;
    }
    element = next;
  }
  return out;
}
