import { pastDeadline } from './deadline';

// Page text is hostile input: it can hold control characters, bidi overrides, megabytes of text or
// nesting deep enough to overflow a recursive walk. Every string an adapter returns passes through here.

/** C0/C1 controls (except whitespace, folded below), zero-width space, bidi marks/overrides/isolates, BOM. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** The longest string the page-signal schema accepts. */
export const MAX_TEXT = 2000;

/** Whitespace folded, invisible characters removed, NFC, cut to `max` characters. */
export function cleanText(raw: string | null | undefined, max = MAX_TEXT): string {
  if (!raw) return '';
  const head = raw.length > max * 4 ? raw.slice(0, max * 4) : raw;
  return head.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().normalize('NFC').slice(0, max);
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg']);

/**
 * The text inside `root`, like textContent but iterative (deep nesting cannot overflow the stack),
 * skipping script/style, and stopping after `max` characters or `maxNodes` nodes.
 */
export function textOf(root: Node | null | undefined, max = MAX_TEXT, maxNodes = 20_000): string {
  if (!root) return '';
  let out = '';
  let visited = 0;
  let node: Node | null = root.firstChild;
  while (node && out.length < max * 2 && visited++ < maxNodes) {
    if (visited % 1000 === 0 && pastDeadline()) break;
    if (node.nodeType === 3) out += (node as Text).data;
    const skip = node.nodeType === 1 && SKIPPED.has((node as Element).tagName);
    if (!skip && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return cleanText(out, max);
}

/** `querySelectorAll` as an array, cut to `limit` elements so a 10,000-item list costs a bounded amount. */
export function queryAll(root: ParentNode, selector: string, limit = 1000): Element[] {
  if (pastDeadline()) return [];
  const found = root.querySelectorAll(selector);
  const out: Element[] = [];
  for (let i = 0; i < found.length && i < limit; i++) out.push(found[i]);
  return out;
}

/** Text of the first element matching any of `selectors` (tried in order) that has text. */
export function firstText(root: ParentNode, selectors: string[], max = MAX_TEXT): { text: string; element: Element } | undefined {
  for (const selector of selectors) {
    for (const element of queryAll(root, selector, 50)) {
      const text = textOf(element, max);
      if (text) return { text, element };
    }
  }
  return undefined;
}
