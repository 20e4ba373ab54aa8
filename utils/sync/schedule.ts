import { browser } from 'wxt/browser';

export const SYNC_ALARM = 'alumni-lens:sync';
export const SYNC_PERIOD_MINUTES = 15;

/** (Re)creates the periodic sync alarm; alarms survive the worker, so this is idempotent on every start. */
export async function scheduleSync(): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === SYNC_PERIOD_MINUTES) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });
}
