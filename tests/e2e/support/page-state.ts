import type { Page } from 'puppeteer-core';
import { ClosedShadow, type ShadowHost } from './closed-shadow';

/** Shadow roots the extension may have added: anything but the browser's own (inputs, SVG <use>, images). */
export async function extensionHosts(shadow: ClosedShadow): Promise<ShadowHost[]> {
  return (await shadow.hosts()).filter((host) => host.mode !== 'user-agent');
}

/**
 * Elements in the live document beyond those in the page's own HTML (fetched again and parsed inertly).
 * For a saved page without scripts, anything over zero was injected by someone else: the extension.
 */
export async function elementsBeyondSource(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const source = await (await fetch(location.href, { cache: 'no-store' })).text();
    // A page that enforces Trusted Types (LinkedIn's logged-in pages) parses only through one of its allowed policies.
    const types = (window as unknown as { trustedTypes?: { createPolicy(name: string, rules: { createHTML(s: string): string }): { createHTML(s: string): string } } }).trustedTypes;
    const html = types ? types.createPolicy('dompurify', { createHTML: (text) => text }).createHTML(source) : source;
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    return document.getElementsByTagName('*').length - parsed.getElementsByTagName('*').length;
  });
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
