import { Offer } from '../api';
import { type Database, getMeta, setMeta } from '../db';

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
