import { Offer } from '../api';
import { type Database, getMeta, setMeta } from '../db';
import { profileOf, rankOffers, type MatchProfile } from '../matching/rank';
import type { OfferReasons } from '../messaging/protocol';

/** Open offers, newest first, parsed on read (a record this version cannot read is skipped). */
export async function openOffers(db: Database): Promise<Offer[]> {
  const rows = await db.getAll('offers');
  return rows
    .flatMap((row) => {
      const parsed = Offer.safeParse(row);
      return parsed.success && parsed.data.status === 'open' ? [parsed.data] : [];
    })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export function offersConcerning(offers: Offer[], organizationId: string | undefined): Offer[] {
  return organizationId === undefined ? [] : offers.filter((offer) => offer.organizationId === organizationId);
}

/** Open offers the user has not seen yet (the alumni toolbar badge). */
export async function unseenOffers(db: Database): Promise<Offer[]> {
  const seen = new Set((await getMeta(db, 'seenOffers')) ?? []);
  return (await openOffers(db)).filter((offer) => !seen.has(offer.id));
}

export async function markOffersSeen(db: Database): Promise<void> {
  const seen = new Set((await getMeta(db, 'seenOffers')) ?? []);
  for (const offer of await openOffers(db)) seen.add(offer.id);
  await setMeta(db, 'seenOffers', [...seen]);
}

/** An alumnus's own profile for matching (synced from GET /me/profile), with the offers staff suggested to them. */
export async function ownMatchProfile(db: Database): Promise<MatchProfile | null> {
  const profile = await getMeta(db, 'profile');
  if (!profile) return null;
  return {
    ...profileOf(profile.alumnus, profile.showcase),
    suggestions: new Map(profile.suggestions.map((suggestion) => [suggestion.offerId, suggestion.suggestedBy])),
  };
}

/** Offers best fit first for the alumnus using the extension, with the reasons; unranked without a profile. */
export async function rankForOwnProfile(db: Database, offers: Offer[]): Promise<{ offers: Offer[]; offerReasons: OfferReasons }> {
  const profile = await ownMatchProfile(db);
  if (!profile) return { offers, offerReasons: {} };
  const ranked = rankOffers(profile, offers);
  return {
    offers: ranked.map((fit) => fit.offer),
    offerReasons: Object.fromEntries(ranked.filter((fit) => fit.reasons.length > 0).map((fit) => [fit.offer.id, fit.reasons])),
  };
}
