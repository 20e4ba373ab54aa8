import { settingsItem } from './items';
import { oneRepairAtATime } from './repair-lock';
import { describeIssues, RepairingSettings, Settings, type ProblemReporter, warnProblem } from './schema';

/**
 * The user's settings, parsed. A bad field is reported and replaced by its default (and the
 * repaired value written back), so one corrupt entry never costs the others or crashes a reader.
 */
export async function readSettings(report: ProblemReporter = warnProblem): Promise<Settings> {
  const parsed = Settings.safeParse(await settingsItem.getValue());
  if (parsed.success) return parsed.data;
  return oneRepairAtATime(settingsItem.key, async () => {
    // Another reader may have repaired it while this one waited: then there is nothing to report.
    const raw = await settingsItem.getValue();
    const current = Settings.safeParse(raw);
    if (current.success) return current.data;
    report(settingsItem.key, describeIssues(current.error));
    const repaired = RepairingSettings.parse(raw);
    await settingsItem.setValue(repaired);
    return repaired;
  });
}

/** Applies a change to the settings (read, parsed, merged, validated, written). */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = Settings.parse(change(await readSettings()));
  await settingsItem.setValue(next);
  return next;
}

/** A site is on unless the user turned it off. */
export function isSiteEnabled(settings: Settings, site: string): boolean {
  return settings.sites[site] ?? true;
}
