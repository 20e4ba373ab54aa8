import { browser } from 'wxt/browser';
import { isSiteEnabled, updateSettings } from '../../config';
import { countDiagnostic, getMeta } from '../../db';
import type { Handlers } from '../../messaging/router';
import type { WorkerContext } from '../context';
import { resolveLang } from '../../i18n';
import { pageEn } from '../../i18n/page-en';
import { pageJa } from '../../i18n/page-ja';
import { uiLanguage } from '../ui-language';
import { rememberListeningTab } from '../listening-tabs';
import { matchingHandlers } from './matching';
import { matchPage } from './match';
import { injectPageUi } from '../page-ui-injection';

// The side panel's page:panel-* messages are handled in panel.ts.
type PageHandlers = Pick<Handlers, Exclude<Extract<keyof Handlers, `page:${string}`>, `page:panel-${string}`>>;

/** Handlers for what content scripts may ask (the router has already checked sender and payload). */
export function pageHandlers(ctx: WorkerContext): PageHandlers {
  return {
    'page:get-settings': async ({ site }, sender) => {
      // A tab that asks is a tab of a supported site: it hears when a sync changes the directory.
      if (sender.tab?.id !== undefined) void rememberListeningTab(sender.tab.id).catch(() => undefined);
      // The stored settings from the worker's memory (storage changes drop them); the role from the database, which each sync updates.
      const [{ settings, display, configured }, me] = await Promise.all([ctx.pageSettings.get(), getMeta(ctx.db, 'me')]);
      const lang = resolveLang(settings.lang, uiLanguage());
      return {
        enabled: isSiteEnabled(settings, site),
        collapsed: settings.collapsed[site] ?? false,
        highlightNames: settings.highlightNames,
        lang,
        role: me?.user.role ?? null,
        configured,
        // The tables directly, not i18n/page: that brings Preact's context into the worker's bundle.
        strings: lang === 'ja' ? pageJa : pageEn,
        display: display.mode,
      };
    },
    'page:set-collapsed': async ({ site, collapsed }) => {
      await updateSettings((settings) => ({ ...settings, collapsed: { ...settings.collapsed, [site]: collapsed } }));
      ctx.pageSettings.forget();
      return { ok: true };
    },
    'page:match': (request, sender) => matchPage(ctx, request, sender.tab?.id),
    'page:report-diagnostic': async (diagnostic) => {
      await countDiagnostic(ctx.db, {
        kind: 'unrecognised',
        adapter: diagnostic.adapter,
        pageKind: diagnostic.pageKind,
        missing: diagnostic.missing,
        ...(diagnostic.layers ? { layers: diagnostic.layers } : {}),
      });
      return { ok: true };
    },
    'page:load-ui': (_request, sender) => injectPageUi(sender),
    'page:load-introductions': async ({ alumnusId }) => {
      const client = await requireClient(ctx);
      return { introductions: await client.introductions(alumnusId) };
    },
    'page:log-introduction': ({ alumnusId, kind, note, context }) =>
      ctx.outbox.logIntroduction({ alumnusId, kind, note, context, occurredAt: new Date(ctx.now()).toISOString() }),
    'page:express-interest': ({ offerId, message }) => ctx.outbox.expressInterest({ offerId, message }),
    ...matchingHandlers(ctx),
    'page:outbox-status': ({ ids }) => ctx.outbox.statuses(ids),
    'page:open-options': async () => {
      await browser.runtime.openOptionsPage();
      return { ok: true };
    },
  };
}

export async function requireClient(ctx: WorkerContext) {
  const client = await ctx.currentClient();
  if (!client) throw new Error('Alumni Lens is not configured: set the backend and token in its options.');
  return client;
}
