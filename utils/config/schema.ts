import { z } from 'zod';
import { HttpUrl } from '../api';
import { DISPLAY_MODES } from './display-mode';
import type { ConfigSource } from './source';

/**
 * The backend's base URL as the worker uses it: no trailing slash and no `/api/v1` suffix, so
 * "http://127.0.0.1:8787/api/v1/" and "http://127.0.0.1:8787" name the same backend.
 */
export function normalizeApiUrl(value: string): string {
  return value.trim().replace(/\/+$/, '').replace(/\/api\/v1$/i, '').replace(/\/+$/, '');
}

export const ApiUrl = z.pipe(HttpUrl, z.transform(normalizeApiUrl));

/** `local:config`: where the backend is and the user's bearer token. */
export const ApiConfig = z.object({
  apiUrl: ApiUrl,
  token: z.string().trim().min(1).max(500),
});
export type ApiConfig = z.infer<typeof ApiConfig>;

export const SiteId = z.string().min(1).max(50);
export const LangSetting = z.enum(['auto', 'en', 'ja']);
export type LangSetting = z.infer<typeof LangSetting>;
export const DisplayMode = z.enum(DISPLAY_MODES);
export type DisplayMode = z.infer<typeof DisplayMode>;

/** `local:settings`: per-site switches (absent = on), names highlighting, language, collapsed sidebars, display mode. */
export const Settings = z.object({
  sites: z.record(SiteId, z.boolean()),
  highlightNames: z.boolean(),
  lang: LangSetting,
  collapsed: z.record(SiteId, z.boolean()),
  // Added later: settings saved before it lack the field, which means the in-page overlay (not a repair).
  display: DisplayMode.default('in-page'),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  sites: {},
  highlightNames: true,
  lang: 'auto',
  collapsed: {},
  display: 'in-page',
}) as Settings;

/**
 * The same shape, but every field falls back to its default on its own: one bad field (say a
 * language this version does not know) costs that field, not the user's other choices.
 */
export const RepairingSettings = z
  .object({
    sites: Settings.shape.sites.catch(() => ({})),
    highlightNames: Settings.shape.highlightNames.catch(DEFAULT_SETTINGS.highlightNames),
    lang: Settings.shape.lang.catch(DEFAULT_SETTINGS.lang),
    collapsed: Settings.shape.collapsed.catch(() => ({})),
    display: Settings.shape.display.catch(DEFAULT_SETTINGS.display),
  })
  .catch(() => ({ ...DEFAULT_SETTINGS, sites: {}, collapsed: {} }));

/** Enterprise policy (managed storage, see public/managed_schema.json): each key optional. */
export const ManagedPolicy = z.object({
  apiUrl: ApiUrl.optional(),
  token: z.string().trim().min(1).max(500).optional(),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicy>;

export type { ConfigSource };

export interface ConfigState {
  /** null until both a backend URL and a token are known. */
  config: ApiConfig | null;
  source: ConfigSource;
  /** Fields set by policy: the options page shows them read-only. */
  locked: Array<keyof ApiConfig>;
}

/** How a read reports stored data it had to repair (the worker counts these as diagnostics). */
export type ProblemReporter = (key: string, message: string) => void;

export const warnProblem: ProblemReporter = (key, message) => {
  console.warn(`[alumni-lens] stored ${key} was invalid, defaults used instead: ${message}`);
};

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`).join('; ');
}
