import { browser } from 'wxt/browser';
import { translate, type UiLang } from '../i18n';
import { appEn } from '../i18n/app-en';
import { appJa } from '../i18n/app-ja';

/**
 * The toolbar button's states, each its own colour so they are told apart at a glance: for staff, the
 * number of alumni recognised on the tab in view (green, set per tab); for every tab (badge.ts), what waits
 * for the user — meeting requests (red-brown) or, for alumni, new offers (blue).
 */
export const BADGE_COLORS = { alumniOnPage: '#057642', offers: '#0a66c2', meetings: '#b24020' } as const;

/**
 * Shows on one tab how many alumni the extension recognised there, with the button's title saying it in
 * words (what a screen reader announces). With none, the tab's own values are cleared, so the tab shows
 * what every tab shows (meeting requests or an alumnus's new offers, or nothing). The browser also drops them when the
 * tab navigates to another document.
 */
/**
 * `null` clears a tab's own text or title (documented by Chrome and Firefox alike); the polyfill's typings
 * only allow strings, and an empty string would instead hide the every-tab value on this tab.
 */
const TAB_VALUE_CLEARED = null as unknown as string;

export async function showAlumniOnTab(tabId: number, count: number, lang: UiLang): Promise<void> {
  // Firefox without a popup has no `action`: then there is no toolbar button to badge.
  if (!browser.action) return;
  if (count > 0) {
    // The tables directly, not appI18n: that brings Preact's context into the worker's bundle.
    const table = lang === 'ja' ? appJa : appEn;
    await browser.action.setBadgeText({ tabId, text: String(Math.min(count, 99)) });
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS.alumniOnPage });
    await browser.action.setTitle({ tabId, title: count === 1 ? translate(table, 'toolbar.alumniOnPage.one') : translate(table, 'toolbar.alumniOnPage', { count }) });
    return;
  }
  await browser.action.setBadgeText({ tabId, text: TAB_VALUE_CLEARED });
  await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS.offers });
  await browser.action.setTitle({ tabId, title: TAB_VALUE_CLEARED });
}
