import { createPageUi } from '../../../utils/content/page-ui';
import { publishPageUi } from '../../../utils/content/page-ui-handoff';

/**
 * The worker's page:load-ui as content-script tests meet it: the real worker injects entrypoints/page-ui,
 * which publishes the real in-page UI in the script's isolated world; here it is published the same way.
 */
export function injectPageUi(): { ok: true } {
  publishPageUi(createPageUi);
  return { ok: true };
}

/** A fresh frame: nothing injected yet (each test starts before the worker was asked). */
export function forgetPageUi(): void {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('alumni-lens.page-ui')];
}
