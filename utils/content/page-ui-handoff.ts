import type { ContentSend } from './send';
import type { CreatePageUi } from './page-ui';

// How the in-page UI script reaches the content script: both run in the extension's isolated world of the
// same frame, so a global there is theirs alone. The page's own scripts (the main world) never see it, and
// the UI's file is no web-accessible resource a page could probe for.
const PAGE_UI = Symbol.for('alumni-lens.page-ui');
type Scope = { [PAGE_UI]?: CreatePageUi };

/** Run by the in-page UI script (entrypoints/page-ui) when the worker injects it. */
export function publishPageUi(create: CreatePageUi): void {
  (globalThis as Scope)[PAGE_UI] = create;
}

/**
 * The in-page UI, asked of the worker the first time a page of this frame has something to show: it
 * injects the UI script into this frame's isolated world (page:load-ui), and the script publishes it here.
 */
export async function loadPageUi(send: ContentSend): Promise<CreatePageUi> {
  const ready = (globalThis as Scope)[PAGE_UI];
  if (ready) return ready;
  await send('page:load-ui', {});
  const loaded = (globalThis as Scope)[PAGE_UI];
  if (!loaded) throw new Error('the in-page UI script published nothing');
  return loaded;
}
