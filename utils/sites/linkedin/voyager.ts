import * as z from 'zod/mini';
import { safeJson } from '../structured';
import { queryAll } from '../text';
import { LI } from './selectors';

// The logged-in app ships its API responses inside <code id="bpr-guid-N"> elements ("data islands").
// The subject is the Profile whose publicIdentifier is the URL's slug; the `/voyager/api/me` block
// on the same page is the viewer, and matching by slug keeps it out.
// Proven by li-profile-loggedin-2024.html (plain JSON) — server HTML has it entity-escaped, which
// textContent decodes for us.

const VoyagerText = z.string().check(z.maxLength(2000));
const VoyagerProfile = z.looseObject({
  $type: z.string().check(z.regex(/identity\.profile\.Profile$|identity\.shared\.MiniProfile$/)),
  firstName: z.optional(VoyagerText),
  lastName: z.optional(VoyagerText),
  headline: z.optional(VoyagerText),
  occupation: z.optional(VoyagerText),
  publicIdentifier: VoyagerText,
});
const Island = z.looseObject({ included: z.array(z.unknown()).check(z.maxLength(5000)) });

export interface VoyagerPerson {
  firstName: string;
  lastName: string;
  headline?: string;
}

/** Every record of every island that has `key`: islands hold hundreds, only these are worth a full parse. */
function* islandRecords(doc: Document, key: string): Generator<unknown> {
  for (const code of queryAll(doc, LI.voyagerIsland.css, 100)) {
    const island = Island.safeParse(safeJson(code.textContent));
    if (!island.success) continue;
    for (const item of island.data.included) {
      if (typeof item === 'object' && item !== null && Object.hasOwn(item, key)) yield item;
    }
  }
}

export function voyagerProfile(doc: Document, slug: string): VoyagerPerson | undefined {
  for (const item of islandRecords(doc, 'publicIdentifier')) {
    const profile = VoyagerProfile.safeParse(item);
    if (!profile.success || profile.data.publicIdentifier.toLowerCase() !== slug) continue;
    const { firstName = '', lastName = '', headline, occupation } = profile.data;
    if (!firstName && !lastName) continue;
    return { firstName, lastName, headline: headline ?? occupation };
  }
  return undefined;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Display order: family name first when the name is written in CJK script (山田 太郎), given name first otherwise. */
export function displayName(person: VoyagerPerson): string {
  const { firstName, lastName } = person;
  const parts = CJK.test(firstName + lastName) ? [lastName, firstName] : [firstName, lastName];
  return parts.filter(Boolean).join(' ');
}

// The logged-in company page ships its Company record the same way; `universalName` is the URL slug,
// which keeps out the other companies in the island ("Pages people also viewed", the viewer's employer).
// Proven by written/li-company-overview-loggedin.html (a hand-written page, see its README).
const VoyagerCompany = z.looseObject({
  $type: z.string().check(z.regex(/organization\.Company$/)),
  name: VoyagerText,
  universalName: VoyagerText,
  websiteUrl: z.optional(z.nullable(VoyagerText)),
});

export interface VoyagerOrganization {
  name: string;
  websiteUrl?: string;
}

export function voyagerCompany(doc: Document, slug: string): VoyagerOrganization | undefined {
  for (const item of islandRecords(doc, 'universalName')) {
    const company = VoyagerCompany.safeParse(item);
    if (!company.success || company.data.universalName.toLowerCase() !== slug || !company.data.name.trim()) continue;
    const { name, websiteUrl } = company.data;
    return { name: name.trim(), ...(websiteUrl ? { websiteUrl } : {}) };
  }
  return undefined;
}
