import type { Page } from 'puppeteer-core';
import { ClosedShadow, type ShadowHost } from './closed-shadow';

/** Shadow roots the extension may have added: anything but the browser's own (inputs, SVG <use>, images). */
export async function extensionHosts(shadow: ClosedShadow): Promise<ShadowHost[]> {
  return (await shadow.hosts()).filter((host) => host.mode !== 'user-agent');
}

/**
 * The page's own HTML, fetched again and parsed inertly: how many elements it has and which tags it uses.
 * For a saved page without scripts, anything in the live document beyond it was added by someone else: the extension.
 */
async function sourceElements(page: Page): Promise<{ count: number; tags: string[] }> {
  return page.evaluate(async () => {
    const source = await (await fetch(location.href, { cache: 'no-store' })).text();
    // A page that enforces Trusted Types (LinkedIn's logged-in pages) parses only through one of its allowed policies.
    const types = (window as unknown as { trustedTypes?: { createPolicy(name: string, rules: { createHTML(s: string): string }): { createHTML(s: string): string } } }).trustedTypes;
    const html = types ? types.createPolicy('dompurify', { createHTML: (text) => text }).createHTML(source) : source;
    const elements = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('*')];
    return { count: elements.length, tags: [...new Set(elements.map((el) => el.localName))] };
  });
}

/** Elements in the live document beyond those in the page's own HTML. */
export async function elementsBeyondSource(page: Page): Promise<number> {
  const own = await sourceElements(page);
  return (await page.evaluate(() => document.getElementsByTagName('*').length)) - own.count;
}

/** What a page's own script can learn about one element it did not put there. */
export interface ForeignElement {
  tag: string;
  attributes: string[];
  childNodes: number;
  shadowRootVisible: boolean;
  box: [number, number, number, number];
  display: string;
}

/**
 * Everything a page's script can observe of the elements others added, in the page's main world: the elements
 * whose tag the page's own HTML never uses, with their attributes, light-DOM children, open shadow root, box and
 * display. Two pages on which this is equal cannot be told apart by looking at the extension's elements.
 */
export async function foreignElements(page: Page): Promise<ForeignElement[]> {
  const { tags } = await sourceElements(page);
  return page.evaluate((ownTags) => {
    const own = new Set(ownTags);
    return [...document.querySelectorAll('*')]
      .filter((el) => !own.has(el.localName))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return {
          tag: el.localName,
          attributes: el.getAttributeNames(),
          childNodes: el.childNodes.length,
          shadowRootVisible: el.shadowRoot !== null,
          box: [r.x, r.y, r.width, r.height].map(Math.round) as [number, number, number, number],
          display: getComputedStyle(el).display,
        };
      });
  }, tags);
}

/**
 * Single-page navigation as LinkedIn does it: the URL changes first (history.pushState), the new page's
 * content arrives a moment later and replaces the app's own nodes; nodes others added to <body> stay.
 */
export async function navigateInApp(page: Page, url: string, renderDelayMs = 300): Promise<void> {
  await page.evaluate(
    async (target, delay) => {
      const response = fetch(target, { cache: 'no-store' }).then((answer) => answer.text());
      history.pushState({}, '', target);
      const [html] = await Promise.all([response, new Promise((resolve) => setTimeout(resolve, delay))]);
      // The logged-in page enforces Trusted Types; LinkedIn's own code parses through one of its allowed policies.
      const types = (window as unknown as { trustedTypes?: { createPolicy(name: string, rules: { createHTML(s: string): string }): { createHTML(s: string): string } } }).trustedTypes;
      const trusted = types ? types.createPolicy('dompurify', { createHTML: (text) => text }).createHTML(html) : html;
      const next = new DOMParser().parseFromString(trusted, 'text/html');
      const ownHead = document.head.querySelectorAll('meta, link, title, script[type="application/ld+json"]');
      for (const node of Array.from(ownHead)) node.remove();
      for (const node of Array.from(next.head.querySelectorAll('meta, link, title, script[type="application/ld+json"]'))) {
        document.head.append(document.importNode(node, true));
      }
      document.title = next.title;
      for (const node of Array.from(document.body.children)) if (!node.tagName.includes('-')) node.remove();
      for (const node of Array.from(next.body.children)) {
        if (node.tagName !== 'SCRIPT') document.body.append(document.importNode(node, true));
      }
    },
    url,
    renderDelayMs,
  );
}

export { ClosedShadow };
