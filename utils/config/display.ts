import { browser } from 'wxt/browser';
import { z } from 'zod';
import { settingsItem } from './items';
import { onManagedArrival, readManagedStorage } from './managed-storage';
import { DisplayMode, describeIssues, type ProblemReporter, warnProblem } from './schema';
import { readSettings } from './settings';

/** Key of the enterprise policy that enforces the display mode (public/managed_schema.json). */
export const DISPLAY_POLICY_KEY = 'display';

const DisplayPolicy = z.object({ [DISPLAY_POLICY_KEY]: DisplayMode.optional() });

/** The display mode IT enforces, if any. No policy, a browser without one, or an invalid value: none. */
export async function readDisplayPolicy(report: ProblemReporter = warnProblem): Promise<DisplayMode | undefined> {
  const raw = await readManagedStorage();
  const parsed = DisplayPolicy.safeParse(Object.hasOwn(raw, DISPLAY_POLICY_KEY) ? { [DISPLAY_POLICY_KEY]: raw[DISPLAY_POLICY_KEY] } : {});
  if (parsed.success) return parsed.data[DISPLAY_POLICY_KEY];
  report('managed policy', describeIssues(parsed.error));
  return undefined;
}

export interface DisplayState {
  mode: DisplayMode;
  /** Set by the enterprise policy: the options page shows the choice read-only. */
  locked: boolean;
}

/** The display mode in effect: the policy's, else the user's setting. */
export async function readDisplay(report: ProblemReporter = warnProblem): Promise<DisplayState> {
  const [policy, settings] = await Promise.all([readDisplayPolicy(report), readSettings(report)]);
  return policy ? { mode: policy, locked: true } : { mode: settings.display, locked: false };
}

/** Calls back when the user's setting or the policy may have changed the display mode. Returns an unwatch function. */
export function watchDisplay(onChange: () => void): () => void {
  const unwatchSettings = settingsItem.watch(() => onChange());
  const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' && Object.hasOwn(changes, DISPLAY_POLICY_KEY)) onChange();
  };
  browser.storage.onChanged.addListener(onStorageChanged);
  const unwatchArrival = onManagedArrival(onChange);
  return () => {
    unwatchSettings();
    unwatchArrival();
    browser.storage.onChanged.removeListener(onStorageChanged);
  };
}
