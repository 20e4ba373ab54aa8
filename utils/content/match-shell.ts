import * as z from 'zod/mini';
import { RecordId } from '../api/common';
import { Confidence } from '../recognition/confidence';
import { MAX_SPANS_PER_NAME, TextSpan } from '../messaging/text-span';

// What a content script reads of page:match's answer itself: which of the page's people and organisations
// were recognised (refs), as whom (alumnus ids), how surely, and where an organisation website names them.
// That much is checked here, on arrival; everything else is kept as it came and checked in full, against
// the protocol's schema (utils/messaging/match-answer.ts), by whoever uses it — the in-page UI before it
// draws anything (page-ui.tsx), the worker when a side-panel page publishes it (page:panel-show). Content
// scripts thus carry neither the alumnus, offer nor organisation schemas (issue 11: 2.5 KB gzip of each
// site's script, and building them at every page's start).

const Ref = z.number().check(z.int(), z.gte(0));

const PersonShell = z.looseObject({ ref: Ref, confidence: Confidence, alumnus: z.looseObject({ id: RecordId }) });
/** A recognised person as the content script sees it; the rest of the match is the UI's to check. */
export type PersonShell = z.infer<typeof PersonShell>;

const OrganizationShell = z.looseObject({ ref: Ref });
/** A recognised organisation as the content script sees it. */
export type OrganizationShell = z.infer<typeof OrganizationShell>;

export const PageMatchShell = z.object({
  people: z.array(PersonShell),
  organizations: z.array(OrganizationShell),
  named: z.optional(z.array(z.object({ match: PersonShell, spans: z.array(TextSpan).check(z.minLength(1), z.maxLength(MAX_SPANS_PER_NAME)) })).check(z.maxLength(500))),
});
export type PageMatchShell = z.infer<typeof PageMatchShell>;
