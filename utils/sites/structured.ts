import * as z from 'zod/mini';
import { cleanText, queryAll } from './text';

// Structured data a page carries for search engines and its own app: JSON-LD, <meta>, <title>.
// Read before any DOM anchor because it survives redesigns. All of it is parsed with zod: a page can
// put anything in a script tag.

const MAX_JSON = 1_000_000;

/** `content` of `<meta property=key>` or `<meta name=key>`. */
export function meta(doc: Document, key: string): string {
  const element = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return cleanText(element?.getAttribute('content'));
}

export function pageTitle(doc: Document): string {
  return cleanText(doc.querySelector('title')?.textContent);
}

/** Parse JSON without throwing; oversized payloads are skipped rather than parsed. */
export function safeJson(text: string | null | undefined): unknown {
  if (!text || text.length > MAX_JSON) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every object in the page's JSON-LD blocks, with `@graph` and top-level arrays flattened. */
export function jsonLdObjects(doc: Document): unknown[] {
  const out: unknown[] = [];
  for (const script of queryAll(doc, 'script[type="application/ld+json"]', 20)) {
    const data = safeJson(script.textContent);
    const items = Array.isArray(data) ? data : [data];
    for (const item of items) {
      if (item && typeof item === 'object' && Array.isArray((item as { '@graph'?: unknown })['@graph'])) {
        out.push(...((item as { '@graph': unknown[] })['@graph'].slice(0, 50)));
      } else if (item) out.push(item);
    }
  }
  return out;
}

const LdText = z.string().check(z.maxLength(20_000));
const LdRole = z.looseObject({
  startDate: z.optional(z.union([LdText, z.number()])),
  endDate: z.optional(z.union([LdText, z.number()])),
});
export const LdOrganization = z.looseObject({
  '@type': z.optional(z.union([LdText, z.array(LdText)])),
  name: LdText,
  url: z.optional(LdText),
  sameAs: z.optional(z.union([LdText, z.array(LdText)])),
  member: z.optional(z.union([LdRole, z.array(LdRole)])),
});
export type LdOrganization = z.infer<typeof LdOrganization>;
export const LdPerson = z.looseObject({
  '@type': z.literal('Person'),
  name: LdText,
  url: z.optional(LdText),
  jobTitle: z.optional(z.union([LdText, z.array(LdText)])),
  worksFor: z.optional(z.array(z.unknown()).check(z.maxLength(100))),
  alumniOf: z.optional(z.array(z.unknown()).check(z.maxLength(100))),
});
export type LdPerson = z.infer<typeof LdPerson>;

/** The first JSON-LD object that parses with `schema` and passes `accept`. */
export function findJsonLd<T>(doc: Document, schema: z.ZodMiniType<T>, accept: (value: T) => boolean = () => true): T | undefined {
  for (const item of jsonLdObjects(doc)) {
    const parsed = schema.safeParse(item);
    if (parsed.success && accept(parsed.data)) return parsed.data;
  }
  return undefined;
}

/** Organisations in a JSON-LD list (`worksFor`, `alumniOf`), with unparseable entries dropped. */
export function ldOrganizations(list: unknown[] | undefined): LdOrganization[] {
  return (list ?? []).flatMap((item) => {
    const parsed = LdOrganization.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
