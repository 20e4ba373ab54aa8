import { ApiConfig } from '../../config';
import { countAlumni, getMeta, listDiagnostics } from '../../db';
import type { Handlers } from '../../messaging/router';
import { markOffersSeen, openOffers, unseenOffers } from '../offers';
import { knownOrgDomains, orgsitePatterns } from '../orgsite';
import { storedDataRepairs } from '../repairs';
import { updateOfferBadge } from '../badge';
import type { WorkerContext } from '../context';
import { readTabRecognition } from '../tab-recognition';

type UiHandlers = Pick<Handlers, Extract<keyof Handlers, `ui:${string}`>>;

/** Handlers for the extension's own pages (popup, options); the router refuses these from content scripts. */
export function uiHandlers(ctx: WorkerContext): UiHandlers {
  return {
    'ui:get-status': async () => {
      const [me, sync, directorySize, organizationsCount, offers, unseen, pendingOutbox, failedOutbox, { source }] = await Promise.all([
        getMeta(ctx.db, 'me'),
        ctx.sync.status(),
        countAlumni(ctx.db),
        ctx.db.count('organizations'),
        openOffers(ctx.db),
        unseenOffers(ctx.db),
        ctx.outbox.pendingCount(),
        ctx.outbox.failed(),
        ctx.readConfig(),
      ]);
      return {
        me: me ?? null,
        sync,
        directorySize,
        organizationsCount,
        openOffers: offers.length,
        newOffers: unseen.length,
        pendingOutbox,
        failedOutbox,
        configSource: source,
      };
    },
    'ui:sync-now': async () => {
      // Answer at once with "syncing"; the popup follows progress through ui:get-status.
      void ctx.sync.requestSync();
      return ctx.sync.status();
    },
    'ui:test-connection': async ({ apiUrl, token }) => {
      const config = ApiConfig.safeParse({ apiUrl, token });
      if (!config.success) return { ok: false, error: config.error.issues[0]?.message ?? 'Invalid configuration' };
      try {
        return { ok: true, me: await ctx.createClient(config.data).me() };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
    'ui:tab-recognition': ({ tabId }) => readTabRecognition(tabId),
    'ui:list-offers': async () => ({ offers: await openOffers(ctx.db) }),
    'ui:mark-offers-seen': async () => {
      await markOffersSeen(ctx.db);
      await updateOfferBadge(ctx.db);
      return { ok: true };
    },
    'ui:organization-patterns': async () => ({ patterns: orgsitePatterns(await knownOrgDomains(ctx.db)) }),
    'ui:get-diagnostics': async () => {
      const [diagnostics, sync] = await Promise.all([listDiagnostics(ctx.db), ctx.sync.status()]);
      return {
        unrecognised: diagnostics
          .filter((row) => row.kind === 'unrecognised')
          .map(({ adapter, pageKind, missing, count }) => ({ adapter, ...(pageKind ? { pageKind } : {}), missing, count })),
        repaired: storedDataRepairs(diagnostics),
        lastSyncError: sync.lastError,
      };
    },
  };
}

