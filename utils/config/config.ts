import { browser } from 'wxt/browser';
import { MANAGED_KEYS } from './items';
import { moveLegacyConfig } from './legacy-config';
import { readManagedPolicy } from './managed';
import { onManagedArrival } from './managed-storage';
import { oneRepairAtATime } from './repair-lock';
import { deleteTrusted, readTrusted, writeTrusted } from './trusted-store';
import { ApiConfig, type ConfigState, describeIssues, type ProblemReporter, warnProblem } from './schema';

/** The reporter key for an unreadable stored connection (the options page words it as "connection"). */
export const CONNECTION_KEY = 'connection';

/** Listeners in this context (the worker) told when the user's connection is saved or cleared. */
const localListeners = new Set<() => void>();

/**
 * The user's own stored connection, from the trusted store (trusted-store.ts), parsed; invalid data is
 * reported and removed, once. An install from before the trusted store has its connection moved first.
 */
export async function readLocalConfig(report: ProblemReporter = warnProblem): Promise<ApiConfig | null> {
  await moveLegacyConfig();
  const first = await parseStoredConfig();
  if (first.success) return first.config;
  return oneRepairAtATime(CONNECTION_KEY, async () => {
    // Another reader may have removed it while this one waited: then there is nothing to report.
    const current = await parseStoredConfig();
    if (current.success) return current.config;
    report(CONNECTION_KEY, current.issues);
    await deleteTrusted('connection');
    return null;
  });
}

async function parseStoredConfig(): Promise<{ success: true; config: ApiConfig | null } | { success: false; issues: string }> {
  const raw = await readTrusted('connection');
  if (raw === null || raw === undefined) return { success: true, config: null };
  const parsed = ApiConfig.safeParse(raw);
  return parsed.success ? { success: true, config: parsed.data } : { success: false, issues: describeIssues(parsed.error) };
}

/**
 * A default baked into a development build by `npm start` (WXT_DEFAULT_API_URL, WXT_DEFAULT_TOKEN)
 * so that a newcomer's unpacked extension talks to the local demo backend at once. Release builds
 * set neither; the user's own configuration always replaces it.
 */
export function buildDefaultConfig(): ApiConfig | null {
  const env = import.meta.env as unknown as Record<string, string | undefined>;
  const parsed = ApiConfig.safeParse({ apiUrl: env.WXT_DEFAULT_API_URL, token: env.WXT_DEFAULT_TOKEN });
  return parsed.success ? parsed.data : null;
}

/**
 * The configuration in effect: policy fields win over the user's own, field by field (IT may set
 * only the backend URL and let each user paste a personal token).
 */
export async function readConfig(report: ProblemReporter = warnProblem): Promise<ConfigState> {
  const [policy, stored] = await Promise.all([readManagedPolicy(report), readLocalConfig(report)]);
  const local = stored ?? buildDefaultConfig();
  const locked = MANAGED_KEYS.filter((key) => policy[key] !== undefined);
  const apiUrl = policy.apiUrl ?? local?.apiUrl;
  const token = policy.token ?? local?.token;
  const config = apiUrl && token ? { apiUrl, token } : null;
  const source = locked.length > 0 ? 'managed' : config ? 'local' : 'none';
  return { config, source, locked: [...locked] };
}

export class ConfigLockedError extends Error {
  constructor(fields: string[]) {
    super(`Set by your organisation's policy and cannot be changed here: ${fields.join(', ')}`);
  }
}

/** Saves the user's configuration (parsed first); refuses to override fields the policy locks. */
export async function saveConfig(input: { apiUrl: string; token: string }): Promise<ApiConfig> {
  const config = ApiConfig.parse(input);
  const policy = await readManagedPolicy();
  const overridden = MANAGED_KEYS.filter((key) => policy[key] !== undefined && policy[key] !== config[key]);
  if (overridden.length > 0) throw new ConfigLockedError([...overridden]);
  await moveLegacyConfig();
  await writeTrusted('connection', config);
  for (const listener of localListeners) listener();
  return config;
}

/**
 * Calls back whenever the user's configuration (saved in this context: the worker saves for the options
 * page) or the policy changes. Returns an unwatch function.
 */
export function watchConfig(onChange: () => void): () => void {
  localListeners.add(onChange);
  const unwatchLocal = () => localListeners.delete(onChange);
  // The global event, not storage.managed.onChanged, which not every browser has.
  const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' && MANAGED_KEYS.some((key) => Object.hasOwn(changes, key))) onChange();
  };
  browser.storage.onChanged.addListener(onStorageChanged);
  // A policy that arrives late at browser start (managed-storage.ts) counts as a change too.
  const unwatchArrival = onManagedArrival(onChange);
  return () => {
    unwatchLocal();
    unwatchArrival();
    browser.storage.onChanged.removeListener(onStorageChanged);
  };
}

/** The backend's origin pattern for an optional host permission request ("http://127.0.0.1/*"). */
export function originPattern(apiUrl: string): string {
  const url = new URL(apiUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The connection as the options page shows it: policy fields win and are locked; a token set by policy is never shown. */
export async function readConnectionFields(report: ProblemReporter = warnProblem): Promise<{ apiUrl: string; token: string; locked: Array<keyof ApiConfig> }> {
  const [policy, local] = await Promise.all([readManagedPolicy(report), readLocalConfig(report)]);
  return {
    apiUrl: policy.apiUrl ?? local?.apiUrl ?? '',
    token: policy.token ? '' : (local?.token ?? ''),
    locked: MANAGED_KEYS.filter((key) => policy[key] !== undefined),
  };
}
