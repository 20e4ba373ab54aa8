import { expect } from 'vitest';
import { call } from './http';

/** Follows a delta-sync feed to its end the way the extension does; answers every page and the last cursor. */
export async function syncFeed<Page extends { cursor: string; complete: boolean }>(url: string, token: string, since?: string, limit = 1000) {
  const pages: Page[] = [];
  let cursor = since;
  for (let i = 0; i < 1000; i++) {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { since: cursor } : {}) });
    const reply = await call<Page>(`${url}?${query}`, { token });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    pages.push(reply.body);
    cursor = reply.body.cursor;
    if (reply.body.complete) break;
  }
  return { pages, cursor: cursor as string };
}
