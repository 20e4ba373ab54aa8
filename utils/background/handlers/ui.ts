import { browser } from 'wxt/browser';
import { NetworkError, ServerError } from '../../backend';
import { ApiConfig, readConnectionFields, saveConfig } from '../../config';
import { countAlumni, getMeta, listDiagnostics, setMeta } from '../../db';
import type { Handlers } from '../../messaging/router';
import { markOffersSeen, openOffers, rankForOwnProfile, unseenOffers } from '../offers';
import { knownOrgDomains, orgsitePatterns } from '../orgsite';
import { storedDataRepairs } from '../repairs';
import { updateOfferBadge, waitingCounts } from '../badge';
import { requireClient } from './page';
import type { WorkerContext } from '../context';
import { readTabRecognition } from '../tab-recognition';

// The side panel's ui:panel-* messages are handled in panel.ts.
type UiHandlers = Pick<Handlers, Exclude<Extract<keyof Handlers, `ui:${string}`>, `ui:panel-${string}`>>;

/** Handlers for the extension's own pages (popup, options); the router refuses these from content scripts. */
export function uiHandlers(ctx: WorkerContext): UiHandlers {
  return {
    'ui:get-status': async () => {
      const [me, sync, directorySize, organizationsCount, offers, unseen, pendingOutbox, failedOutbox, { source }, waiting] = await Promise.all([
        getMeta(ctx.db, 'me'),
        ctx.sync.status(),
        countAlumni(ctx.db),
        ctx.db.count('organizations'),
        openOffers(ctx.db),
        unseenOffers(ctx.db),
        ctx.outbox.pendingCount(),
        ctx.outbox.failed(),
        ctx.readConfig(),
        waitingCounts(ctx.db),
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
        waitingMeetings: waiting.meetings,
        configSource: source,
      };
    },
    'ui:sync-now': async () => {
      // Answer at once with "syncing"; the popup follows progress through ui:get-status.
      void ctx.sync.requestSync();
      return ctx.sync.status();
    },
    'ui:get-connection': () => readConnectionFields(ctx.report),
    'ui:save-connection': async (input) => {
      // The worker's watchers hear of it and sync at once.
      await saveConfig(input);
      return { ok: true };
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
    'ui:list-offers': async () => {
      const offers = await openOffers(ctx.db);
      const me = await getMeta(ctx.db, 'me');
      return me?.user.role === 'alumni' ? rankForOwnProfile(ctx.db, offers) : { offers };
    },
    'ui:get-showcase': async () => {
      const profile = await getMeta(ctx.db, 'profile');
      const recognised = profile ? profile.alumnus.consent.recognition : null;
      try {
        return { showcase: await (await requireClient(ctx)).showcase(), offline: false, recognised };
      } catch (error) {
        // Offline, the last synced showcase can still be read (and edited; saving needs the backend).
        if (!(error instanceof NetworkError || error instanceof ServerError)) throw error;
        return { showcase: profile?.showcase ?? null, offline: true, recognised };
      }
    },
    'ui:save-showcase': async (input) => {
      const showcase = await (await requireClient(ctx)).putShowcase(input);
      const profile = await getMeta(ctx.db, 'profile');
      if (profile) await setMeta(ctx.db, 'profile', { ...profile, showcase });
      return { showcase };
    },
    'ui:open-showcase-editor': async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/showcase.html') });
      return { ok: true };
    },
    'ui:outbox-retry': async ({ id }) => ({ item: (await ctx.outbox.retry(id)) ?? null }),
    'ui:outbox-discard': async ({ id }) => ({ discarded: await ctx.outbox.discard(id) }),
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
          .map(({ adapter, pageKind, missing, count, layers }) => ({ adapter, ...(pageKind ? { pageKind } : {}), missing, count, ...(layers ? { layers } : {}) })),
        repaired: storedDataRepairs(diagnostics),
        lastSyncError: sync.lastError,
      };
    },
  };
}

