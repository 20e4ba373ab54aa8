import { type Offer, Organization } from '../../api';
import { isSiteEnabled, readSettings } from '../../config';
import { getMeta, readAlumni } from '../../db';
import type { OrganizationMatch, PersonMatch, RequestOf } from '../../messaging/protocol';
import { registrableDomain } from '../../recognition';
import type { RecognitionIndex } from '../../recognition/types';
import type { OrganizationSignal } from '../../signals/schema';
import type { WorkerContext } from '../context';
import { offersConcerning, openOffers } from '../offers';
import { recordTabRecognition } from '../tab-recognition';

type MatchRequest = RequestOf<'page:match'>;

/**
 * Runs a page's signals through the recognition index. People become PersonMatch (with offers
 * about their current organisation), organisations become OrganizationMatch (with the alumni
 * working there now). What was recognised is also recorded for the tab, for the popup.
 */
export async function matchPage(ctx: WorkerContext, request: MatchRequest, tabId: number | undefined) {
  const [me, settings] = await Promise.all([getMeta(ctx.db, 'me'), readSettings(ctx.report)]);
  // A site the user turned off gets no answers, even from a content script that still asks.
  const enabled = isSiteEnabled(settings, request.signals.site);
  const people: PersonMatch[] = [];
  const organizations: OrganizationMatch[] = [];
  if (me && enabled) {
    const index = await ctx.index.get();
    const offers = await openOffers(ctx.db);
    const company = { name: me.company.name, aliases: me.company.aliases };
    const found = request.signals.people.flatMap((signal, ref) => {
      const result = index.matchPerson(signal, company);
      return result ? [{ ref, signal, result }] : [];
    });
    const records = await readAlumni(ctx.db, found.map(({ result }) => result.alumnusId));
    for (const [i, { ref, signal, result }] of found.entries()) {
      const alumnus = records[i];
      if (!alumnus) continue;
      const organizationId =
        alumnus.currentEmployer?.organizationId ??
        (signal.currentOrganization ? (index.matchOrganization({ name: signal.currentOrganization }) ?? undefined) : undefined);
      people.push({ ref, alumnus, confidence: result.confidence, evidence: result.evidence, offers: offersConcerning(offers, organizationId) });
    }
    for (const [ref, signal] of request.signals.organizations.entries()) {
      const match =
        me.user.role === 'alumni'
          ? (ownCompanyMatch(me, signal, offers) ?? (await offeredOrganizationMatch(ctx, signal, offers)))
          : await organizationMatch(ctx, index, signal, offers);
      if (match) organizations.push({ ref, ...match });
    }
  }
  if (tabId !== undefined) {
    // The page's answer does not wait for this write; the popup's read waits for it (tab-recognition.ts).
    recordTabRecognition(tabId, {
      url: request.url,
      site: request.signals.site,
      pageKind: request.signals.pageKind,
      people: people.length,
      organizations: organizations.length,
      names: [...people.map((p) => p.alumnus.names.display), ...organizations.map((o) => o.organization.name)].slice(0, 50),
    }).catch((error: unknown) => ctx.report('tab recognition', error instanceof Error ? error.message : String(error)));
  }
  return { people, organizations };
}

async function organizationMatch(ctx: WorkerContext, index: RecognitionIndex, signal: OrganizationSignal, offers: Offer[]) {
  const organizationId = index.matchOrganization(signal);
  if (!organizationId) return null;
  const organization = Organization.safeParse(await ctx.db.get('organizations', organizationId));
  if (!organization.success) return null;
  const alumni = (await readAlumni(ctx.db, index.alumniAt(organizationId))).filter((alumnus) => alumnus !== null);
  return { organization: organization.data, alumni, offers: offersConcerning(offers, organizationId) };
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
