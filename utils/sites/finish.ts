import { PageSignals, PersonSignal, type ExperienceSignal, type LayerCounts, type OrganizationSignal, type PageKind } from '../signals/schema';
import { EXTRACTION_TIME_BOUND_MS, withDeadline } from './deadline';
import { cleanText } from './text';
import type { Draft, DraftResult, Extraction } from './types';

// The last step of every extraction: cut lists to the schema's bounds, drop empty and duplicate
// entries, and validate with the PageSignals schema, so nothing unvalidated leaves an adapter.

const MAX_PEOPLE = 500;
const MAX_ORGANIZATIONS = 100;
const MAX_EXPERIENCE = 200;
const MAX_ALT_NAMES = 20;

function boundExperience(list: ExperienceSignal[] | undefined): ExperienceSignal[] | undefined {
  if (!list) return undefined;
  return list
    .map((entry) => ({ ...entry, organization: cleanText(entry.organization), title: entry.title ? cleanText(entry.title) || undefined : undefined }))
    .filter((entry) => entry.organization !== '')
    .slice(0, MAX_EXPERIENCE);
}

function boundPerson(person: PersonSignal): PersonSignal {
  const altNames = person.altNames?.map((name) => cleanText(name)).filter((name) => name && name !== person.name);
  return {
    name: cleanText(person.name),
    ...(altNames?.length ? { altNames: [...new Set(altNames)].slice(0, MAX_ALT_NAMES) } : {}),
    ...(person.headline && cleanText(person.headline) ? { headline: cleanText(person.headline) } : {}),
    ...(person.profileUrl ? { profileUrl: person.profileUrl.slice(0, 2048) } : {}),
    ...(person.currentOrganization && cleanText(person.currentOrganization)
      ? { currentOrganization: cleanText(person.currentOrganization) }
      : {}),
    ...(person.experience ? { experience: boundExperience(person.experience) } : {}),
  };
}

function boundOrganizations(list: OrganizationSignal[]): OrganizationSignal[] {
  const seen = new Set<string>();
  const out: OrganizationSignal[] = [];
  for (const org of list) {
    const name = cleanText(org.name);
    const key = `${name}|${org.url ?? ''}`;
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push({ name, ...(org.url ? { url: org.url.slice(0, 2048) } : {}), ...(org.domain ? { domain: org.domain.slice(0, 253) } : {}) });
    if (out.length >= MAX_ORGANIZATIONS) break;
  }
  return out;
}

function finishDraft(site: string, kind: PageKind, url: URL, draft: Draft): Extraction {
  const people = draft.people
    .map((entry) => ({ ...entry, signal: boundPerson(entry.signal) }))
    .filter((entry) => entry.signal.name !== '')
    .slice(0, MAX_PEOPLE);
  const parsed = PageSignals.safeParse({ site, pageKind: kind, people: people.map((p) => p.signal), organizations: boundOrganizations(draft.organizations) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The check's code ("too_big"), not its message: content scripts carry no locale to word it (utils/api/locale.ts).
    return diagnose(site, kind, url, `valid page signals (${issue.path.join('.')}: ${issue.code})`);
  }
  return { ok: true, signals: parsed.data, nameElements: people.map((p) => p.element), roles: people.map((p) => p.role) };
}

export function diagnose(adapter: string, pageKind: string | undefined, url: URL, missing: string, layers?: LayerCounts): Extraction {
  return {
    ok: false,
    diagnostic: {
      adapter,
      ...(pageKind ? { pageKind } : {}),
      missing: missing.slice(0, 300),
      url: `${url.origin}${url.pathname}`.slice(0, 2048),
      ...(layers ? { layers } : {}),
    },
  };
}

/**
 * Run an adapter's reader and turn its draft into a validated Extraction. A reader that throws
 * (a page we never imagined) becomes a diagnostic: an adapter must never break the host page.
 */
export function runReader(site: string, kind: PageKind, url: URL, read: () => DraftResult, timeBoundMs = EXTRACTION_TIME_BOUND_MS): Extraction {
  let outcome: { value: DraftResult; exceeded: boolean };
  try {
    outcome = withDeadline(timeBoundMs, read);
  } catch (error) {
    return diagnose(site, kind, url, `a readable layout (reader failed: ${error instanceof Error ? error.message : String(error)})`);
  }
  const result = outcome.value;
  // Past the time bound the readers returned early: what they found is kept, but a missing anchor
  // is then the bound's fault, and the diagnostic says so.
  if ('missing' in result) {
    const missing = outcome.exceeded ? `${result.missing} (time bound of ${timeBoundMs} ms exceeded)` : result.missing;
    return diagnose(site, kind, url, missing, result.layers);
  }
  return finishDraft(site, kind, url, result);
}
