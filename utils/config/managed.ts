import { browser } from 'wxt/browser';
import { describeIssues, ManagedPolicy, type ProblemReporter, warnProblem } from './schema';
import { MANAGED_KEYS } from './items';

/**
 * Reads the enterprise policy. Browsers without a policy (Firefox without a managed-storage
 * manifest rejects the call) and invalid policies both mean "no policy": the user's own
 * configuration then applies.
 */
export async function readManagedPolicy(report: ProblemReporter = warnProblem): Promise<ManagedPolicy> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get([...MANAGED_KEYS]);
  } catch {
    return {};
  }
  const parsed = ManagedPolicy.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  report('managed policy', describeIssues(parsed.error));
  return {};
}
