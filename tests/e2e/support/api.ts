import { z } from 'zod';
import type { Role } from '../../../utils/api';
import { demoTokens } from '../../../server/seed/demo-data';

/** Demo tokens (server seed `--seed demo`), one per role. */
export const tokens = Object.fromEntries(demoTokens.map((t) => [t.role, t.token])) as Record<Role, string>;

/**
 * Reads the backend the way an administrator would, to check what arrived there. Answers are parsed with
 * the caller's schema: the tests compare what the user did with what the backend holds.
 */
export async function apiGet<T extends z.ZodType>(baseUrl: string, path: string, token: string, schema: T): Promise<z.infer<T>> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return schema.parse(await response.json());
}

const DirectoryPage = z.object({
  alumni: z.array(z.object({ id: z.string(), names: z.object({ display: z.string(), latin: z.string().optional() }) }).passthrough()),
  cursor: z.string(),
  complete: z.boolean(),
});

/** Every record of a delta-sync feed as the admin sees it (paged from the start). */
async function wholeFeed<T extends z.ZodType<{ cursor: string; complete: boolean }>>(baseUrl: string, path: string, schema: T): Promise<z.infer<T>[]> {
  const pages: z.infer<T>[] = [];
  let since: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '5000', ...(since ? { since } : {}) });
    const page = await apiGet(baseUrl, `${path}?${query}`, tokens.admin, schema);
    pages.push(page);
    if (page.complete) return pages;
    since = page.cursor;
  }
}

/** The whole directory as the admin sees it. */
export async function directory(baseUrl: string): Promise<z.infer<typeof DirectoryPage>['alumni']> {
  return (await wholeFeed(baseUrl, '/directory', DirectoryPage)).flatMap((page) => page.alumni);
}

/** The id of the alumnus whose display or latin name is `name`. */
export async function alumnusId(baseUrl: string, name: string): Promise<string> {
  const found = (await directory(baseUrl)).find((a) => a.names.display === name || a.names.latin === name);
  if (!found) throw new Error(`${name} is not in the demo directory`);
  return found.id;
}

export const IntroductionsAnswer = z.object({
  introductions: z.array(
    z.object({ id: z.string(), alumnusId: z.string(), kind: z.string(), note: z.string().optional(), context: z.object({ url: z.string().optional() }).passthrough() }).passthrough(),
  ),
});

/** Introductions the backend holds for one alumnus. */
export async function introductionsFor(baseUrl: string, id: string): Promise<z.infer<typeof IntroductionsAnswer>['introductions']> {
  const answer = await apiGet(baseUrl, `/introductions?alumnusId=${encodeURIComponent(id)}`, tokens.admin, IntroductionsAnswer);
  return answer.introductions;
}

export const InterestsAnswer = z.object({
  interests: z.array(z.object({ id: z.string(), offerId: z.string(), message: z.string().optional(), submittedBy: z.string() }).passthrough()),
});

/** Interests the backend holds for one offer (the admin's view). */
export async function interestsFor(baseUrl: string, offerId: string): Promise<z.infer<typeof InterestsAnswer>['interests']> {
  return (await apiGet(baseUrl, `/interests?offerId=${encodeURIComponent(offerId)}`, tokens.admin, InterestsAnswer)).interests;
}

/** Imports alumni as the programme's administrator does: a CSV file posted to the admin import. */
export async function importAlumni(baseUrl: string, csv: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/admin/alumni/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'text/csv' },
    body: csv,
  });
  if (!response.ok) throw new Error(`the CSV import answered ${response.status}: ${await response.text()}`);
}

export const MeetingsAnswer = z.object({
  meetings: z.array(
    z.object({ id: z.string(), alumnusId: z.string(), offerId: z.string().optional(), status: z.string(), awaiting: z.string().optional(), proposedTimes: z.array(z.string()), scheduledAt: z.string().optional() }).passthrough(),
  ),
  cursor: z.string(),
  complete: z.boolean(),
});

/** The meetings the backend holds with one alumnus (the admin sees every meeting). */
export async function meetingsFor(baseUrl: string, id: string): Promise<z.infer<typeof MeetingsAnswer>['meetings']> {
  return (await wholeFeed(baseUrl, '/meetings', MeetingsAnswer)).flatMap((page) => page.meetings).filter((meeting) => meeting.alumnusId === id);
}
