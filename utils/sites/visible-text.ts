// The visible text of an organisation's page for the recognition engine's name scanner, and the way
// back from a hit's text offsets to DOM ranges the content script can highlight.
// The text is built from Text nodes in document order; `segments` remembers where each node's text
// starts, so an offset maps to (node, offset) by binary search. A hit that spans several nodes
// ("<b>Taro</b> Yamada") becomes several ranges, one per node.

export interface TextSegment {
  node: Text;
  /** Offset of this node's first character in `text`. */
  start: number;
}

export interface VisibleText {
  text: string;
  segments: TextSegment[];
  /** True when the page had more text than `maxChars`/`maxNodes` allowed. */
  truncated: boolean;
}

const HIDDEN_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'svg', 'HEAD', 'TITLE', 'TEXTAREA', 'SELECT']);

/**
 * Hidden by markup (no layout needed, so it works in any DOM): the hidden attribute, inline
 * display:none/visibility:hidden. Not aria-hidden: pages set it on visible content behind modals.
 */
function hiddenElement(element: Element): boolean {
  if (HIDDEN_TAGS.has(element.tagName)) return true;
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Elements that start a new line of text; a name never runs across two of them. */
const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL BUTTON OPTION'.split(' '),
);

function isBlock(node: Node | null): boolean {
  return node !== null && node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName);
}

/** Displays whose text flows on with its neighbours' ("Gar<em>cí</em>a" is one word). */
const FLOWING_DISPLAYS = new Set(['inline', 'contents', 'ruby', 'ruby-base', 'ruby-text', 'ruby-base-container', 'ruby-text-container']);
/** More element edges than this between two words: they are not one line of text. */
const MAX_EDGES_CHECKED = 32;

/**
 * Whether the page's styles render `element` as its own box, apart from the text around it
 * (`.member strong { display: block }`). Asked only where two words would otherwise touch, so a
 * long page costs a handful of style reads. Without computed styles (a parsed page) the tag decides.
 */
function rendersApart(element: Element): boolean {
  if (BLOCK_TAGS.has(element.tagName)) return true;
  const view = element.ownerDocument.defaultView;
  let display = '';
  try {
    display = view?.getComputedStyle(element).display ?? '';
  } catch {
    // A detached or foreign node has no style; the tag has already been checked.
  }
  return display !== '' && !FLOWING_DISPLAYS.has(display);
}

/**
 * Walk `root` iteratively (deep nesting cannot overflow the stack), collecting visible text up to
 * `maxChars` characters and `maxNodes` visited nodes. Text nodes are copied verbatim (so offsets map
 * straight back into them); a "\n" is put between blocks so names in neighbouring cells or list
 * items do not run together, and a " " where only whitespace nodes sat between two texts, while
 * inline markup ("<strong>Julien</strong> Moreau", "Gar<em>cí</em>a") adds nothing. Separators
 * belong to no node: a hit over one maps to ranges in the nodes on either side.
 */
export function visibleText(root: Node, maxChars = 500_000, maxNodes = 200_000): VisibleText {
  const segments: TextSegment[] = [];
  let text = '';
  let visited = 0;
  let truncated = false;
  let lineBreak = false;
  let space = false;
  // Elements entered or left since the last text: whether the next text touches it depends on them.
  const edges: Element[] = [];
  const crossed = (element: Node | null) => {
    if (element && element.nodeType === 1 && edges.length <= MAX_EDGES_CHECKED) edges.push(element as Element);
  };
  let node: Node | null = root.firstChild;
  while (node) {
    if (++visited > maxNodes || text.length >= maxChars) {
      truncated = true;
      break;
    }
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (!data.trim()) space = true;
      else {
        if (text && !/\s$/.test(text)) {
          const touching = !lineBreak && !space && !/^\s/.test(data);
          if (touching && edges.length && (edges.length > MAX_EDGES_CHECKED || edges.some(rendersApart))) lineBreak = true;
          if (lineBreak) text += '\n';
          else if (space) text += ' ';
        }
        lineBreak = false;
        space = false;
        edges.length = 0;
        segments.push({ node: node as Text, start: text.length });
        if (data.length > maxChars - text.length) truncated = true;
        text += data.slice(0, maxChars - text.length);
      }
    } else if (node.nodeType === 1) {
      if (isBlock(node)) lineBreak = true;
      crossed(node);
      descend = !hiddenElement(node as Element) && node.firstChild !== null;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (isBlock(node)) lineBreak = true;
      if (node !== root) crossed(node);
    }
    if (!node || node === root) break;
    if (isBlock(node)) lineBreak = true;
    node = node.nextSibling;
  }
  return { text, segments, truncated };
}

function segmentAt(segments: TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * DOM ranges covering text[start, end) — one per Text node touched. Ranges are returned, not applied:
 * the content script decides how to highlight, and nodes that changed since are skipped.
 */
export function rangesFor(visible: VisibleText, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  if (end <= start || !visible.segments.length) return ranges;
  for (let i = segmentAt(visible.segments, start); i < visible.segments.length; i++) {
    const { node, start: nodeStart } = visible.segments[i];
    if (nodeStart >= end) break;
    const from = Math.max(0, start - nodeStart);
    const to = Math.min(node.data.length, end - nodeStart);
    if (to <= from || !node.isConnected) continue;
    const range = node.ownerDocument.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    ranges.push(range);
  }
  return ranges;
}
