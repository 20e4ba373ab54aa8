import type { Browser, Page } from 'puppeteer-core';
import { eventually } from '../closed-shadow';
import { callInPage, type RemoteValue } from './bidi';

/** An element with a shadow root, as WebDriver BiDi sees it (closed roots included; Firefox's own widgets left out). */
export interface BidiShadowHost {
  tag: string;
  mode: string;
  /** BiDi's shared reference to the shadow root. */
  root: string;
}

const FIND = `function (selector, text) {
  return Array.from(this.querySelectorAll(selector)).find((el) => text === undefined || (el.innerText ?? el.textContent ?? '').includes(text)) ?? null;
}`;

/**
 * Firefox's counterpart of ClosedShadow (which uses the DevTools protocol, which Firefox no longer has):
 * WebDriver BiDi serialises every element with its shadow root, closed ones too, and a shared reference
 * to that root lets the tests read and click inside it — by visible text and real mouse and keyboard
 * input, never through the page's scripts, which get null for a closed root.
 */
export class BidiShadow {
  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  /**
   * Every element of the document that carries a shadow root, but for the browser's own: the instance tree
   * Firefox gives an SVG <use> (BiDi already leaves out form controls' and media's widgets).
   */
  async hosts(): Promise<BidiShadowHost[]> {
    const all = await callInPage(this.browser, this.page, '() => Array.from(document.querySelectorAll("*"))');
    return (all.value as RemoteValue[]).flatMap((node) => {
      const element = node.value as { localName: string; namespaceURI?: string; shadowRoot?: RemoteValue | null };
      const root = element.shadowRoot;
      if (!root?.sharedId) return [];
      if (element.localName === 'use' && element.namespaceURI === 'http://www.w3.org/2000/svg') return [];
      return [{ tag: element.localName, mode: (root.value as { mode?: string } | undefined)?.mode ?? 'unknown', root: root.sharedId }];
    });
  }

  /** The first shadow root holding an element that matches `selector`. */
  async hostWith(selector: string): Promise<BidiShadowHost | undefined> {
    for (const host of await this.hosts()) {
      const found = await callInPage(this.browser, this.page, 'function (s) { return this.querySelector(s) !== null; }', { thisNode: host.root, args: [selector] });
      if (found.value === true) return host;
    }
    return undefined;
  }

  /** What a person sees inside the root: rendered text only. */
  async visibleText(host: BidiShadowHost): Promise<string> {
    const text = await callInPage(
      this.browser,
      this.page,
      `function () {
        return Array.from(this.children).filter((el) => !['STYLE', 'SCRIPT', 'LINK', 'TEMPLATE'].includes(el.tagName)).map((el) => el.innerText ?? '').join('\\n');
      }`,
      { thisNode: host.root },
    );
    return String(text.value ?? '');
  }

  /** An attribute of every element matching `selector` inside the root. */
  async attributes(host: BidiShadowHost, selector: string, attribute: string): Promise<Array<string | null>> {
    const values = await callInPage(
      this.browser,
      this.page,
      'function (s, a) { return Array.from(this.querySelectorAll(s)).map((el) => el.getAttribute(a)); }',
      { thisNode: host.root, args: [selector, attribute] },
    );
    return (values.value as RemoteValue[]).map((value) => (value.type === 'null' ? null : String(value.value)));
  }

  /** A real mouse click in the middle of the element matching `selector` (and containing `text`, if given). */
  async click(host: BidiShadowHost, selector: string, text?: string): Promise<void> {
    const point = await callInPage(
      this.browser,
      this.page,
      `function (s, t) {
        const el = (${FIND}).call(this, s, t);
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const box = el.getBoundingClientRect();
        return [box.x + box.width / 2, box.y + box.height / 2];
      }`,
      { thisNode: host.root, args: [selector, text] },
    );
    if (point.type !== 'array') throw new Error(`No ${selector}${text ? ` with text "${text}"` : ''} in <${host.tag}>`);
    const [x, y] = (point.value as RemoteValue[]).map((v) => Number(v.value));
    await this.page.mouse.click(x!, y!);
  }

  /** Focuses a field and types into it with real key presses. */
  async type(host: BidiShadowHost, selector: string, text: string): Promise<void> {
    await this.focus(host, selector);
    await this.page.keyboard.type(text);
  }

  /** Picks an option of a <select>, as the keyboard would (input and change events fire). */
  async select(host: BidiShadowHost, selector: string, value: string): Promise<void> {
    await callInPage(
      this.browser,
      this.page,
      `function (s, v) {
        const el = this.querySelector(s);
        el.focus();
        el.value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }`,
      { thisNode: host.root, args: [selector, value] },
    );
  }

  private async focus(host: BidiShadowHost, selector: string): Promise<void> {
    const focused = await callInPage(this.browser, this.page, `function (s) { const el = this.querySelector(s); el?.focus(); return el !== null; }`, {
      thisNode: host.root,
      args: [selector],
    });
    if (focused.value !== true) throw new Error(`No ${selector} in <${host.tag}>`);
  }

  /** Waits until the root holding `selector` shows text that satisfies `accept`. */
  async textOf(selector: string, accept: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
    let last = '(nothing)';
    try {
      return await eventually(
        async () => {
          const host = await this.hostWith(selector);
          if (!host) return undefined;
          last = await this.visibleText(host);
          return accept(last) ? last : undefined;
        },
        what,
        timeoutMs,
        250,
      );
    } catch (error) {
      throw new Error(`${String(error)}\nLast text:\n${last}`);
    }
  }
}
