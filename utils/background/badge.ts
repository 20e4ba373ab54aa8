import { browser } from 'wxt/browser';
import { type Database, getMeta } from '../db';
import { appI18n } from '../i18n/app';
import { workerLanguage } from './language';
import { waitingForUser } from '../meetings/waiting';
import { pendingMatching, readMeetings } from './meetings';
import { unseenOffers } from './offers';

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
  if (count > 0) await browser.action.setBadgeBackgroundColor({ color: meetings > 0 ? '#b24020' : '#0a66c2' });
  const { t } = appI18n(await workerLanguage());
  const parts = [meetings > 0 ? t('badge.title.meetings', { count: meetings }) : '', offers > 0 ? t('badge.title.offers', { count: offers }) : ''];
  await browser.action.setTitle({ title: ['Alumni Lens', ...parts.filter(Boolean)].join(' · ') });
}
