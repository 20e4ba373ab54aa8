import { browser } from 'wxt/browser';
import { type Database, getMeta } from '../db';
import { translate } from '../i18n';
import { appEn } from '../i18n/app-en';
import { appJa } from '../i18n/app-ja';
import { workerLanguage } from './language';
import { waitingForUser } from '../meetings/waiting';
import { pendingMatching, readMeetings } from './meetings';
import { unseenOffers } from './offers';
import { BADGE_COLORS } from './page-badge';

/** What waits for the user: meetings to answer (every role) and, for alumni, open offers not yet seen. */
export async function waitingCounts(db: Database): Promise<{ meetings: number; offers: number }> {
  const me = await getMeta(db, 'me');
  if (!me) return { meetings: 0, offers: 0 };
  const [meetings, pending] = await Promise.all([readMeetings(db), pendingMatching(db)]);
  return {
    meetings: waitingForUser(meetings, me.user.role, pending).length,
    offers: me.user.role === 'alumni' ? (await unseenOffers(db)).length : 0,
  };
}

/** The toolbar badge counts what waits for the user; its tooltip says what (screen readers read it too). */
export async function updateOfferBadge(db: Database): Promise<void> {
  // Firefox without a popup has no `action`: then there is no toolbar button to badge.
  if (!browser.action) return;
  const { meetings, offers } = await waitingCounts(db);
  const count = meetings + offers;
  await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 99)) : '' });
  if (count > 0) await browser.action.setBadgeBackgroundColor({ color: meetings > 0 ? BADGE_COLORS.meetings : BADGE_COLORS.offers });
  // The tables directly, not appI18n: that brings Preact's context into the worker's bundle.
  const table = (await workerLanguage()) === 'ja' ? appJa : appEn;
  const parts = [
    meetings > 0 ? translate(table, 'badge.title.meetings', { count: meetings }) : '',
    offers > 0 ? translate(table, 'badge.title.offers', { count: offers }) : '',
  ];
  await browser.action.setTitle({ title: ['Alumni Lens', ...parts.filter(Boolean)].join(' · ') });
}
