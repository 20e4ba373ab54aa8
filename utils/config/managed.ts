import { readManagedStorage } from './managed-storage';
import { describeIssues, ManagedPolicy, type ProblemReporter, warnProblem } from './schema';
import { MANAGED_KEYS } from './items';

/**
 * Reads the enterprise policy (managed-storage.ts: without waiting seconds for it at browser start).
 * Browsers without a policy (Firefox without a managed-storage manifest rejects the call) and invalid
 * policies both mean "no policy": the user's own configuration then applies.
 */
export async function readManagedPolicy(report: ProblemReporter = warnProblem): Promise<ManagedPolicy> {
  const raw = await readManagedStorage();
  const parsed = ManagedPolicy.safeParse(Object.fromEntries(MANAGED_KEYS.filter((key) => Object.hasOwn(raw, key)).map((key) => [key, raw[key]])));
  if (parsed.success) return parsed.data;
  report('managed policy', describeIssues(parsed.error));
  return {};
}
