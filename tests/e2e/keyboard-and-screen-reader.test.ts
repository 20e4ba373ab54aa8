import type { CDPSession, Page } from 'puppeteer-core';
import type { Protocol } from 'devtools-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumnusId, introductionsFor, tokens } from './support/api';
import { eventually, type ClosedShadow } from './support/closed-shadow';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { screenshot } from './support/screenshots';
import { startStory, type Story } from './support/story';
import { COLLAPSED_TAB, SIDEBAR, sidebarShown, sidebarText } from './support/ui';

// Issue 5: "Keyboard-usable and screen-reader-labelled". A recruiter on Sofia Andersson Reyes's profile who
// uses no mouse: what a screen reader is given is read from Chromium's accessibility tree (which, unlike
// page scripts, sees into the closed shadow roots), and the sidebar is driven with real key presses only.

let story: Story;
let sofiaId: string;

beforeAll(async () => {
  story = await startStory({ token: tokens.recruiter, pages: linkedinPages });
  sofiaId = await alumnusId(story.backend.url, 'Sofia Andersson Reyes');
});

afterAll(async () => {
  await story?.dispose();
});

type AXNode = Protocol.Accessibility.AXNode;

/** The page's accessibility tree as assistive technology gets it (ignored nodes left out). */
class AccessibilityTree {
  private constructor(private readonly nodes: Map<string, AXNode>) {}

  static async read(cdp: CDPSession): Promise<AccessibilityTree> {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return new AccessibilityTree(new Map(nodes.map((node) => [node.nodeId, node])));
  }

  static role(node: AXNode): string {
    return String(node.role?.value ?? '');
  }

  static nameOf(node: AXNode): string {
    return String(node.name?.value ?? '').trim();
  }

  find(accept: (node: AXNode) => boolean): AXNode[] {
    return [...this.nodes.values()].filter((node) => !node.ignored && accept(node));
  }

  /** Every node under `root`, reached through the tree's child links (ignored nodes are walked through). */
  within(root: AXNode): AXNode[] {
    const found: AXNode[] = [];
    const visit = (node: AXNode) => {
      for (const childId of node.childIds ?? []) {
        const child = this.nodes.get(childId);
        if (!child) continue;
        if (!child.ignored) found.push(child);
        visit(child);
      }
    };
    visit(root);
    return found;
  }

  /** The element that has keyboard focus, if any (the document itself also reports focus while its window has it). */
  focused(): AXNode | undefined {
    return this.find(
      (node) =>
        AccessibilityTree.role(node) !== 'RootWebArea' && (node.properties ?? []).some((p) => p.name === 'focused' && p.value.value === true),
    )[0];
  }

  contains(root: AXNode, node: AXNode): boolean {
    return this.within(root).some((n) => n.nodeId === node.nodeId);
  }
}

const PANEL_NAME = 'Alumni Lens: alumni on this page';
const isPanel = (node: AXNode) =>
  ['complementary', 'region'].includes(AccessibilityTree.role(node)) && AccessibilityTree.nameOf(node) === PANEL_NAME;

/** Waits for the labelled sidebar landmark to be in the accessibility tree, and returns the tree. */
function panelInTree(cdp: CDPSession, what: string) {
  return eventually(async () => {
    const tree = await AccessibilityTree.read(cdp);
    const panel = tree.find(isPanel)[0];
    return panel ? { tree, panel } : undefined;
  }, what);
}

/** Waits until focus is on a node matching role and name, and returns it. */
async function focusOn(cdp: CDPSession, role: string, name: string | RegExp, what: string): Promise<{ tree: AccessibilityTree; node: AXNode }> {
  let last = '(nothing focused)';
  try {
    return await eventually(async () => {
      const tree = await AccessibilityTree.read(cdp);
      const node = tree.focused();
      if (!node) return undefined;
      const actual = AccessibilityTree.nameOf(node);
      last = `${AccessibilityTree.role(node)} "${actual}"`;
      const nameMatches = typeof name === 'string' ? actual === name : name.test(actual);
      return AccessibilityTree.role(node) === role && nameMatches ? { tree, node } : undefined;
    }, what, 10_000);
  } catch (error) {
    throw new Error(`${String(error)}\nFocus was on: ${last}`);
  }
}

/**
 * Puts focus on the host page's own last focusable element, as a keyboard user gets there by tabbing
 * through LinkedIn: the extension's UI is appended at the end of <body>, so it comes next in tab order.
 */
async function focusPagesLastControl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const focusable = Array.from(
      document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]'),
    ).filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
    const last = focusable[focusable.length - 1];
    if (!last) throw new Error('the page has no focusable element');
    last.focus();
    if (document.activeElement !== last) throw new Error('the page would not focus its own last control');
    return last.outerHTML.slice(0, 120);
  });
}

/** The sidebar's controls on her card, in tab order. */
const FOCUS_ORDER = [
  ['button', 'Settings'],
  ['button', 'Collapse the Alumni Lens panel'],
  // The offer concerning Spotify, where she works: it fits her (business matching).
  ['button', 'Suggest to this alumnus'],
  ['button', 'Propose a meeting'],
  ['button', 'Show past introductions'],
  ['combobox', 'Kind'],
  ['textbox', 'Note (optional)'],
  ['button', 'Log introduction'],
] as const;

/** From the page's last control (or a control of the panel), one Tab at a time, checking each stop, up to `target`. */
async function tabThrough(page: Page, cdp: CDPSession, target: (typeof FOCUS_ORDER)[number][1]): Promise<void> {
  const start = (await AccessibilityTree.read(cdp)).focused();
  const from = FOCUS_ORDER.findIndex(([role, name]) => start && AccessibilityTree.role(start) === role && AccessibilityTree.nameOf(start) === name);
  let previous = start ? `${AccessibilityTree.role(start)} "${AccessibilityTree.nameOf(start)}"` : 'the page';
  for (const [role, name] of FOCUS_ORDER.slice(from + 1)) {
    await page.keyboard.press('Tab');
    await focusOn(cdp, role, name, `Tab from ${previous} to reach ${role} "${name}"`);
    previous = `${role} "${name}"`;
    if (name === target) return;
  }
  throw new Error(`${target} is not after ${previous} in the sidebar's tab order`);
}

async function shiftTab(page: Page, times: number): Promise<void> {
  await page.keyboard.down('Shift');
  for (let i = 0; i < times; i++) await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
}

describe('A recruiter using only the keyboard and a screen reader on an alumna’s LinkedIn profile', () => {
  let page: Page;
  let shadow: ClosedShadow;
  let cdp: CDPSession;

  beforeAll(async () => {
    ({ page, shadow } = await story.open(linkedin.sofia));
    await page.bringToFront();
    cdp = await page.createCDPSession();
    await cdp.send('Accessibility.enable');
    await sidebarText(shadow, (t) => t.includes('Apr 2009 – Aug 2011'), 'her card');
    // The offers that fit her come in a moment after the card (their section is aria-busy until then);
    // the controls below include the one on her best fit, so the tree is read once they are there.
    await sidebarText(shadow, (t) => t.includes('Suggest to this alumnus'), 'the offers that fit her');
  });

  afterAll(async () => {
    await cdp?.detach().catch(() => undefined);
    await page?.close();
  });

  it('hears a labelled landmark with her name, the confidence and named controls', async () => {
    const { tree, panel } = await panelInTree(cdp, 'the sidebar landmark in the accessibility tree');
    const inside = tree.within(panel);
    const texts = inside.map((node) => AccessibilityTree.nameOf(node));
    expect(texts).toContain('Sofia Andersson Reyes');
    expect(texts.some((text) => text.includes('Confirmed alumnus'))).toBe(true);
    // Her card is an article named by her heading.
    expect(inside.some((n) => AccessibilityTree.role(n) === 'article' && AccessibilityTree.nameOf(n) === 'Sofia Andersson Reyes')).toBe(true);

    const controls = inside
      .filter((n) => ['button', 'combobox', 'textbox'].includes(AccessibilityTree.role(n)))
      .map((n) => `${AccessibilityTree.role(n)}: ${AccessibilityTree.nameOf(n)}`);
    expect(controls).toEqual(expect.arrayContaining(FOCUS_ORDER.map(([role, name]) => `${role}: ${name}`)));
    // No control is left nameless.
    expect(controls.filter((c) => c.endsWith(': '))).toEqual([]);
  });

  it('reaches the sidebar with Tab right after the page’s own controls, and Shift+Tab goes back to the page', async () => {
    await focusPagesLastControl(page);
    await page.keyboard.press('Tab');
    const { tree, node } = await focusOn(cdp, 'button', 'Settings', 'Tab from the page to reach the sidebar’s first control');
    expect(tree.contains(tree.find(isPanel)[0]!, node)).toBe(true);

    // The rest of the panel's controls, in the order Tab visits them.
    await tabThrough(page, cdp, 'Log introduction');
    await shiftTab(page, FOCUS_ORDER.length - 1);
    await focusOn(cdp, 'button', 'Settings', 'Shift+Tab back to the first control');
    await shiftTab(page, 1);
    const back = await eventually(async () => {
      const tree = await AccessibilityTree.read(cdp);
      const focused = tree.focused();
      return focused && !tree.contains(tree.find(isPanel)[0]!, focused) ? focused : undefined;
    }, 'Shift+Tab from the sidebar to return to the page');
    expect(AccessibilityTree.nameOf(back)).not.toBe('Settings');
  });

  it('collapses the sidebar with Escape, lands on the collapsed tab, and reopens it with Enter', async () => {
    await focusPagesLastControl(page);
    await tabThrough(page, cdp, 'Kind');

    await page.keyboard.press('Escape');
    const tab = await eventually(() => shadow.hostWith(COLLAPSED_TAB), 'the collapsed tab after Escape');
    expect(await shadow.hostWith(SIDEBAR)).toBeUndefined();
    await focusOn(cdp, 'button', /^Open the Alumni Lens panel \(\d+ recognised\)$/, 'focus on the collapsed tab');
    expect(await shadow.visibleText(tab)).not.toContain('Sofia');
    await screenshot(page, 'keyboard-collapsed-tab');

    await page.keyboard.press('Enter');
    await sidebarShown(shadow);
    await sidebarText(shadow, (t) => t.includes('Sofia Andersson Reyes'), 'her card again after Enter');
    expect(await shadow.hostWith(COLLAPSED_TAB)).toBeUndefined();
    // Focus is on the panel itself, so the next Tab is its first control.
    await focusOn(cdp, 'complementary', PANEL_NAME, 'focus on the reopened panel');
    await page.keyboard.press('Tab');
    await focusOn(cdp, 'button', 'Settings', 'Tab from the reopened panel');
  });

  it('logs an introduction with the keyboard, hears it queued then sent, and the backend holds exactly one', async () => {
    await focusPagesLastControl(page);
    await tabThrough(page, cdp, 'Note (optional)');
    await page.keyboard.type('Referred without a mouse');
    await page.keyboard.press('Tab');
    await focusOn(cdp, 'button', 'Log introduction', 'the submit button');
    await page.keyboard.press('Enter');

    // The live region's words are in the tree, inside the panel, and focus stayed in the sidebar.
    const { tree, panel } = await eventually(async () => {
      const read = await panelInTree(cdp, 'the panel');
      const said = read.tree.within(read.panel).some((n) => AccessibilityTree.nameOf(n) === 'Logged. The backend has it.');
      return said ? read : undefined;
    }, 'the live status to say the introduction was sent');
    const status = tree.find((n) => AccessibilityTree.role(n) === 'status')[0];
    expect(status && tree.contains(panel, status)).toBe(true);
    const focused = tree.focused();
    expect(focused && tree.contains(panel, focused)).toBe(true);
    await screenshot(page, 'keyboard-introduction-sent');

    const held = await introductionsFor(story.backend.url, sofiaId);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ alumnusId: sofiaId, kind: 'referral', note: 'Referred without a mouse' });
  });
});

describe('A keyboard and screen-reader user on a company People tab', () => {
  it('hears each badge as an alumnus, reaches one with Tab, and Enter opens that card with focus in the sidebar', async () => {
    const { page, shadow } = await story.open(linkedin.audiensePeople);
    await page.bringToFront();
    // Tall enough for every card to be on screen: badges are drawn for what is visible.
    await page.setViewport({ width: 1366, height: 2400 });
    const cdp = await page.createCDPSession();
    try {
      await cdp.send('Accessibility.enable');
      const badgeName = /^(Confirmed|Likely|Possible) alumnus — show why$/;
      const badges = await eventually(async () => {
        const tree = await AccessibilityTree.read(cdp);
        const found = tree.find((n) => AccessibilityTree.role(n) === 'button' && badgeName.test(AccessibilityTree.nameOf(n)));
        return found.length === 2 ? found : undefined;
      }, 'two labelled badges (Marcos Ruiz, Julien Moreau) in the accessibility tree');
      expect(badges).toHaveLength(2);

      // The badges sit in the overlay appended after the page's content: Tab from the page's last control
      // (through the sidebar, appended before them) reaches one.
      await focusPagesLastControl(page);
      await eventually(async () => {
        await page.keyboard.press('Tab');
        const focused = (await AccessibilityTree.read(cdp)).focused();
        return focused && badgeName.test(AccessibilityTree.nameOf(focused)) ? focused : undefined;
      }, 'Tab to reach a badge', 15_000, 0);

      await page.keyboard.press('Enter');
      const text = await sidebarText(shadow, (t) => /Marcos Ruiz|Julien Moreau/.test(t) && t.includes('Log introduction'), 'the card the badge opens');
      expect(text).toMatch(/Marcos Ruiz|Julien Moreau/);
      // Focus followed to the panel: the card is read next and Escape works there.
      await focusOn(cdp, 'complementary', PANEL_NAME, 'focus on the panel after Enter on the badge');
      await page.keyboard.press('Escape');
      await eventually(() => shadow.hostWith(COLLAPSED_TAB), 'the collapsed tab after Escape');
      await focusOn(cdp, 'button', /^Open the Alumni Lens panel/, 'focus on the collapsed tab');
      await page.keyboard.press('Enter'); // the site remembers the collapsed state: leave it open
      await sidebarShown(shadow);
    } finally {
      await cdp.detach().catch(() => undefined);
      await page.close();
    }
  });
});
