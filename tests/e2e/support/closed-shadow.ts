import type { CDPSession, Page } from 'puppeteer-core';
import type { Protocol } from 'devtools-protocol';

type Node = Protocol.DOM.Node;

/** An element that carries a shadow root, as the DevTools protocol sees it (closed roots included). */
export interface ShadowHost {
  tag: string;
  mode: Protocol.DOM.ShadowRootType;
  rootBackendId: number;
}

function collectHosts(node: Node, into: ShadowHost[]): void {
  for (const root of node.shadowRoots ?? []) {
    into.push({ tag: node.nodeName.toLowerCase(), mode: root.shadowRootType ?? 'open', rootBackendId: root.backendNodeId });
    collectHosts(root, into);
  }
  for (const child of node.children ?? []) collectHosts(child, into);
  if (node.contentDocument) collectHosts(node.contentDocument, into);
}

/**
 * Reads and drives UI rendered in CLOSED shadow roots, which page scripts (and puppeteer's `>>>`) cannot reach.
 * The DevTools protocol sees every root: the tests use it the way a person uses their eyes and mouse —
 * visible text, real clicks at an element's position, real key presses — never the page's JavaScript.
 */
export class ClosedShadow {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<ClosedShadow> {
    const cdp = await page.createCDPSession();
    await cdp.send('DOM.enable');
    await cdp.send('Runtime.enable');
    return new ClosedShadow(page, cdp);
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }

  /** Every shadow host in the document, open or closed, including those nested in other roots. */
  async hosts(): Promise<ShadowHost[]> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const hosts: ShadowHost[] = [];
    collectHosts(root, hosts);
    return hosts;
  }

  /** The shadow roots whose host tag is `tag` (e.g. the sidebar's or a badge's element). */
  async rootsOf(tag: string): Promise<ShadowHost[]> {
    return (await this.hosts()).filter((host) => host.tag === tag.toLowerCase());
  }

  /** The first shadow root (not the browser's own) holding an element that matches `selector`. */
  async hostWith(selector: string): Promise<ShadowHost | undefined> {
    for (const host of await this.hosts()) {
      if (host.mode === 'user-agent') continue;
      const objectId = await this.rootObject(host);
      if (await this.call<boolean>(objectId, 'function (s) { return this.querySelector(s) !== null; }', [selector])) return host;
    }
    return undefined;
  }

  /** Every shadow root (not the browser's own) holding an element that matches `selector`. */
  async hostsWith(selector: string): Promise<ShadowHost[]> {
    const found: ShadowHost[] = [];
    for (const host of await this.hosts()) {
      if (host.mode === 'user-agent') continue;
      const objectId = await this.rootObject(host);
      if (await this.call<boolean>(objectId, 'function (s) { return this.querySelector(s) !== null; }', [selector])) found.push(host);
    }
    return found;
  }

  private async rootObject(host: ShadowHost): Promise<string> {
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: host.rootBackendId });
    if (!object.objectId) throw new Error(`Cannot reach the shadow root of <${host.tag}>`);
    return object.objectId;
  }

  private async call<T>(objectId: string, fn: string, args: unknown[] = []): Promise<T> {
    const result = await this.cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    return result.result.value as T;
  }

  /** What a person sees inside the root: rendered text only (hidden parts and stylesheets excluded). */
  async visibleText(host: ShadowHost): Promise<string> {
    const objectId = await this.rootObject(host);
    return this.call<string>(
      objectId,
      `function () {
        return Array.from(this.children)
          .filter((el) => !['STYLE', 'SCRIPT', 'LINK', 'TEMPLATE'].includes(el.tagName))
          .map((el) => el.innerText ?? '')
          .join('\\n');
      }`,
    );
  }

  /** The root's markup, for assertions on structure and for failure messages. */
  async html(host: ShadowHost): Promise<string> {
    return this.call<string>(await this.rootObject(host), 'function () { return this.innerHTML; }');
  }

  /** Attribute values (e.g. data-confidence) of every element matching `selector` inside the root. */
  async attributes(host: ShadowHost, selector: string, attribute: string): Promise<(string | null)[]> {
    return this.call<(string | null)[]>(
      await this.rootObject(host),
      'function (s, a) { return Array.from(this.querySelectorAll(s)).map((el) => el.getAttribute(a)); }',
      [selector, attribute],
    );
  }

  /** A computed style property of the first element matching `selector` inside the root. */
  async computedStyle(host: ShadowHost, selector: string, property: string): Promise<string | null> {
    return this.call<string | null>(
      await this.rootObject(host),
      'function (s, p) { const el = this.querySelector(s); return el ? getComputedStyle(el).getPropertyValue(p) : null; }',
      [selector, property],
    );
  }

  private async element(host: ShadowHost, selector: string, text?: string): Promise<string> {
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: await this.rootObject(host),
      functionDeclaration: `function (s, t) {
        const all = Array.from(this.querySelectorAll(s));
        return all.find((el) => t === undefined || (el.innerText ?? el.textContent ?? '').includes(t)) ?? null;
      }`,
      arguments: [{ value: selector }, { value: text }],
    });
    if (!result.objectId) throw new Error(`No ${selector}${text ? ` with text "${text}"` : ''} in <${host.tag}>`);
    return result.objectId;
  }

  /** A real mouse click in the middle of the element matching `selector` (and containing `text`, if given). */
  async click(host: ShadowHost, selector: string, text?: string): Promise<void> {
    const objectId = await this.element(host, selector, text);
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { objectId });
    const { quads } = await this.cdp.send('DOM.getContentQuads', { objectId });
    const quad = quads[0];
    if (!quad) throw new Error(`${selector} is not rendered`);
    const x = (quad[0] + quad[2] + quad[4] + quad[6]) / 4;
    const y = (quad[1] + quad[3] + quad[5] + quad[7]) / 4;
    await this.page.mouse.click(x, y);
  }

  /** Focuses a field and types into it with real key presses. */
  async type(host: ShadowHost, selector: string, text: string): Promise<void> {
    const objectId = await this.element(host, selector);
    await this.call(objectId, 'function () { this.focus(); }');
    await this.page.keyboard.type(text);
  }

  /** Picks an option of a <select> by its value, as the keyboard would (change and input events fire). */
  async select(host: ShadowHost, selector: string, value: string): Promise<void> {
    const objectId = await this.element(host, selector);
    await this.call(
      objectId,
      `function (v) {
        this.focus();
        this.value = v;
        this.dispatchEvent(new Event('input', { bubbles: true }));
        this.dispatchEvent(new Event('change', { bubbles: true }));
      }`,
      [value],
    );
  }
}

/** Polls `probe` until it returns a value that is not undefined, or fails with the last value seen. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
