import { type Alumnus, type Offer, Organization } from '../../api';
import { isSiteEnabled } from '../../config';
import { resolveLang } from '../../i18n';
import { uiLanguage } from '../ui-language';
import { getMeta, readAlumni, readAlumniWithShowcase } from '../../db';
import type { NameInText, OrganizationMatch, PersonMatch, RequestOf } from '../../messaging/protocol';
import { pageListing, registrableDomain } from '../../recognition';
import type { RecognitionIndex } from '../../recognition/types';
import { MAX_PAGE_PEOPLE, MAX_PAGE_TEXT, type OrganizationSignal, type PageSignals } from '../../signals/schema';
import type { WorkerContext } from '../context';
import { alumniFitting } from '../../matching/rank';
import { namesInText, type NameWritten } from '../names-in-text';
import { offersConcerning, openOffers, rankForOwnProfile } from '../offers';
import { showAlumniOnTab } from '../page-badge';
import { recordTabRecognition } from '../tab-recognition';

type MatchRequest = RequestOf<'page:match'>;

/**
 * Runs a page's signals through the recognition index. People become PersonMatch (with offers
 * about their current organisation), organisations become OrganizationMatch (with the alumni
 * working there now). Alumni named in the page's text (organisation websites) are matched in the
 * same pass, as people listed after the page's own, and come back with where their name is written.
 * What was recognised is also recorded for the tab, for the popup.
 */
export async function matchPage(ctx: WorkerContext, request: MatchRequest, tabId: number | undefined) {
  // Read side by side, the settings from the worker's memory (stored-page-settings.ts): every page load waits on this answer.
  const [me, { settings }, offers] = await Promise.all([getMeta(ctx.db, 'me'), ctx.pageSettings.get(), openOffers(ctx.db)]);
  // A site the user turned off gets no answers, even from a content script that still asks.
  const enabled = isSiteEnabled(settings, request.signals.site);
  const people: PersonMatch[] = [];
  const named: NameInText[] = [];
  const organizations: OrganizationMatch[] = [];
  if (me && enabled) {
    const index = await ctx.index.get();
    const company = { name: me.company.name, aliases: me.company.aliases };
    const own = request.signals.people.length;
    const written = request.text ? namesInText(index, request.text) : [];
    const signals = withNamesWritten(request.signals, written);
    // The page as a whole, by the same function as `npm run match -- --page` (utils/recognition/page.ts).
    const found = index.matchPage(signals, company);
    const listing = pageListing(signals);
    const records = await readAlumni(ctx.db, found.map((match) => match.alumnusId));
    for (const [i, { ref, role, confidence, evidence }] of found.entries()) {
      const alumnus = records[i];
      if (!alumnus) continue;
      // Where they work now, for offers: the directory's record, else what the page says.
      const stated = signals.people[ref]?.currentOrganization;
      const worksAt = stated ? { name: stated } : role === 'listed' ? listing?.organization : undefined;
      const organizationId = alumnus.currentEmployer?.organizationId ?? (worksAt ? (index.matchOrganization(worksAt) ?? undefined) : undefined);
      const match = { ref, alumnus, confidence, evidence, offers: offersConcerning(offers, organizationId) };
      if (ref < own) people.push(match);
      else {
        // A name from the text: highlighted only where the matcher agrees with the scanner on who it is.
        const name = written[ref - own];
        if (name?.alumnusId === alumnus.id) named.push({ match, spans: name.spans });
      }
    }
    for (const [ref, signal] of request.signals.organizations.entries()) {
      const match =
        me.user.role === 'alumni'
          ? await rankedForAlumnus(ctx, ownCompanyMatch(me, signal, offers) ?? (await offeredOrganizationMatch(ctx, signal, offers)))
          : await organizationMatch(ctx, index, signal, offers);
      if (match) organizations.push({ ref, ...match });
    }
  }
  if (tabId !== undefined) {
    const recognised = [...people, ...named.map((name) => name.match)];
    // The page's answer does not wait for this write; the popup's read waits for it (tab-recognition.ts).
    recordTabRecognition(tabId, {
      url: request.url,
      site: request.signals.site,
      pageKind: request.signals.pageKind,
      people: recognised.length,
      organizations: organizations.length,
      names: [...recognised.map((p) => p.alumnus.names.display), ...organizations.map((o) => o.organization.name)].slice(0, 50),
    }).catch((error: unknown) => ctx.report('tab recognition', error instanceof Error ? error.message : String(error)));
    const alumni = new Set([...recognised.map((p) => p.alumnus.id), ...organizations.flatMap((o) => o.alumni.map((a) => a.id))]);
    showAlumniOnTab(tabId, alumni.size, resolveLang(settings.lang, uiLanguage())).catch((error: unknown) =>
      ctx.report('toolbar badge', error instanceof Error ? error.message : String(error)),
    );
  }
  return request.text === undefined ? { people, organizations } : { people, organizations, named };
}

/** The page's signals with one person per name written in its text, after its own people (within the schema's bound). */
function withNamesWritten(signals: PageSignals, written: NameWritten[]): PageSignals {
  if (written.length === 0) return signals;
  const people = [...signals.people, ...written.map(({ name }) => ({ name: name.slice(0, MAX_PAGE_TEXT) }))];
  return { ...signals, people: people.slice(0, MAX_PAGE_PEOPLE) };
}

async function organizationMatch(ctx: WorkerContext, index: RecognitionIndex, signal: OrganizationSignal, offers: Offer[]) {
  const organizationId = index.matchOrganization(signal);
  if (!organizationId) return null;
  const organization = Organization.safeParse(await ctx.db.get('organizations', organizationId));
  if (!organization.success) return null;
  const alumni = (await readAlumni(ctx.db, index.alumniAt(organizationId))).filter((alumnus) => alumnus !== null);
  const concerning = offersConcerning(offers, organizationId);
  return { organization: organization.data, alumni, offers: concerning, fittingAlumni: await fittingAlumniFor(ctx, concerning, alumni) };
}

/**
 * Alumni whose showcase or current employer fits the offers concerning an organisation: those working there,
 * and everyone with a published showcase (an index holds just those), matched locally.
 */
async function fittingAlumniFor(ctx: WorkerContext, offers: Offer[], workingThere: Alumnus[]) {
  if (offers.length === 0) return [];
  const candidates = new Map(workingThere.map((alumnus) => [alumnus.id, alumnus]));
  for (const alumnus of await readAlumniWithShowcase(ctx.db)) candidates.set(alumnus.id, alumnus);
  return alumniFitting(offers, [...candidates.values()]).map(({ alumnus, reasons }) => ({ alumnus, reasons }));
}

/** An alumnus's view of an organisation: its offers best fit first, with the reasons. */
async function rankedForAlumnus<M extends { offers: Offer[] }>(ctx: WorkerContext, match: M | null) {
  if (!match) return null;
  const { offers, offerReasons } = await rankForOwnProfile(ctx.db, match.offers);
  return { ...match, offers, offerReasons };
}

/**
 * Alumni cannot read the directory; on the company's own website (its domains come from GET /me)
 * they are shown every open offer, under the company's own name.
 */
function ownCompanyMatch(
  me: NonNullable<Awaited<ReturnType<typeof getMeta<'me'>>>>,
  signal: OrganizationSignal,
  offers: Offer[],
) {
  const domain = registrableDomain(signal.domain ?? signal.url ?? '');
  if (!domain || !me.company.domains.includes(domain)) return null;
  const organization: Organization = {
    id: `company:${domain}`,
    name: me.company.name,
    aliases: me.company.aliases,
    domains: me.company.domains,
    profileUrls: [],
    updatedAt: new Date(0).toISOString(),
  };
  return { organization, alumni: [], offers };
}

/**
 * On the website of an organisation an open offer concerns, alumni are shown the offers concerning it.
 * Matched by the page's domain only, like the company's own site (a page can call itself anything). The
 * backend sends alumni only such organisations; one whose last offer closed meanwhile shows nothing.
 */
async function offeredOrganizationMatch(ctx: WorkerContext, signal: OrganizationSignal, offers: Offer[]) {
  const domain = registrableDomain(signal.domain ?? signal.url ?? '');
  if (!domain) return null;
  for (const row of await ctx.db.getAll('organizations')) {
    const organization = Organization.safeParse(row);
    if (!organization.success || !organization.data.domains.some((own) => registrableDomain(own) === domain)) continue;
    const concerning = offersConcerning(offers, organization.data.id);
    if (concerning.length > 0) return { organization: organization.data, alumni: [], offers: concerning };
  }
  return null;
}
