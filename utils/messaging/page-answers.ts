import * as z from 'zod/mini';
import { Role } from '../api/common';
import { DISPLAY_MODES } from '../config/display-mode';

// The worker's answers a content script parses in full (page:get-settings and the bare Ok), apart from the rest
// of the protocol (protocol.ts) because every content script bundles and builds what it imports: only these, not
// every message's schemas (issue 11, content-script size and document idle → sidebar). page:match's answer is
// match-answer.ts; content scripts check only its shell (utils/content/match-shell.ts).
// Imports name the api modules one by one: utils/api/index.ts would bring every module's top-level schemas.

export const Lang = z.enum(['en', 'ja']);
export type Lang = z.infer<typeof Lang>;

export const DisplayMode = z.enum(DISPLAY_MODES);

/** Everything a content script needs to render the page's sidebar and badges. */
export const PageSettings = z.object({
  enabled: z.boolean(),
  collapsed: z.boolean(),
  highlightNames: z.boolean(),
  lang: Lang,
  role: z.nullable(Role),
  configured: z.boolean(),
  /**
   * The in-page UI's strings in `lang` (utils/i18n/page-*.ts), from the worker: content scripts do not carry
   * both languages' tables (issue 11, content-script size).
   */
  strings: z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(2000))),
  /** Absent means in-page. */
  display: z.optional(DisplayMode),
});
export type PageSettings = z.infer<typeof PageSettings>;

export const Ok = z.object({ ok: z.literal(true) });

