import type { ClosedShadow, ShadowHost } from './closed-shadow';
import { eventually } from './closed-shadow';

// How the tests recognise the extension's UI inside its closed shadow roots: by the landmarks a person
// would name ("the Alumni Lens panel", "the collapsed tab"), which the components mark with these classes.
export const SIDEBAR = '.al-sidebar';
export const COLLAPSED_TAB = '.al-sidebar-tab';
export const SIDEBAR_OR_TAB = `${SIDEBAR}, ${COLLAPSED_TAB}`;

/** Waits for the sidebar panel (expanded) and returns its root. */
export function sidebarShown(shadow: ClosedShadow, timeoutMs = 15_000): Promise<ShadowHost> {
  return eventually(() => shadow.hostWith(SIDEBAR), 'the Alumni Lens sidebar to be shown', timeoutMs);
}

/** Waits until the sidebar's visible text satisfies `accept`, returning that text. */
export async function sidebarText(
  shadow: ClosedShadow,
  accept: (text: string) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<string> {
  let last = '(no sidebar)';
  try {
    return await eventually(
      async () => {
        const host = await shadow.hostWith(SIDEBAR_OR_TAB);
        if (!host) return undefined;
        last = await shadow.visibleText(host);
        return accept(last) ? last : undefined;
      },
      what,
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${String(error)}\nLast sidebar text:\n${last}`);
  }
}

/** Waits until no sidebar (panel or tab) is on the page; on timeout, says what it still shows. */
export async function sidebarGone(shadow: ClosedShadow, what: string, timeoutMs = 15_000): Promise<void> {
  let last = '';
  try {
    await eventually(
      async () => {
        const host = await shadow.hostWith(SIDEBAR_OR_TAB);
        if (!host) return true;
        last = await shadow.visibleText(host);
        return undefined;
      },
      what,
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${String(error)}\nThe sidebar still shows:\n${last}`);
  }
}
