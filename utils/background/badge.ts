import { browser } from 'wxt/browser';
import { type Database, getMeta } from '../db';
import { unseenOffers } from './offers';
import { BADGE_COLORS } from './page-badge';

/** For alumni, the toolbar badge counts open offers not yet seen; other roles get no badge. */
export async function updateOfferBadge(db: Database): Promise<void> {
  // Firefox without a popup has no `action`: then there is no toolbar button to badge.
  if (!browser.action) return;
  const me = await getMeta(db, 'me');
  const count = me?.user.role === 'alumni' ? (await unseenOffers(db)).length : 0;
  await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 99)) : '' });
  if (count > 0) await browser.action.setBadgeBackgroundColor({ color: BADGE_COLORS.offers });
}
