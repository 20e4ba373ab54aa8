import { readDisplay } from '../../config';
import { getMeta } from '../../db';
import type { Handlers } from '../../messaging/router';
import type { WorkerContext } from '../context';
import { clearPanelTab, publishPanelTab, readPanelTab } from '../panel-tabs';

type PanelHandlers = Pick<Handlers, 'page:panel-show' | 'page:panel-clear' | 'ui:panel-state'>;

/** Side-panel mode: content scripts publish what their tab shows; the panel reads it per tab. */
export function panelHandlers(ctx: WorkerContext): PanelHandlers {
  return {
    'page:panel-show': async (tab, sender) => {
      // Only a tab's own content script speaks for it (the router has checked it is one of ours).
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('page:panel-show comes from a tab');
      await publishPanelTab(tabId, { ...tab, updatedAt: ctx.now() });
      return { ok: true };
    },
    'page:panel-clear': async ({ token }, sender) => {
      if (sender.tab?.id !== undefined) await clearPanelTab(sender.tab.id, token);
      return { ok: true };
    },
    'ui:panel-state': async ({ tabId }) => {
      const [display, me, tab] = await Promise.all([readDisplay(ctx.report), getMeta(ctx.db, 'me'), readPanelTab(tabId)]);
      return { display, role: me?.user.role ?? null, tab };
    },
  };
}
