import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Alumnus, DirectoryPage } from '../../utils/api';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';
import { alumnusRow, importCsv, toCsv } from './support/csv';

// Delta pages are serialised once and shared by clients walking the same cursors (server/sync/directory-page-cache.ts).
// What a client ends with must not depend on whether its pages came from memory.

async function page(server: TestServer, since: string | undefined, limit: number) {
  const reply = await call(`${server.api}/directory?limit=${limit}${since ? `&since=${since}` : ''}`, { token: tokens.recruiter });
  expect(reply.status).toBe(200);
  return DirectoryPage.parse(reply.body);
}

/** Walks every page from `since`, applying it as the extension does; the directory and the cursor it ends on. */
async function walk(server: TestServer, since: string | undefined, limit: number, into = new Map<string, Alumnus>()) {
  let cursor = since;
  for (;;) {
    const next = await page(server, cursor, limit);
    for (const alumnus of next.alumni) into.set(alumnus.id, alumnus);
    for (const id of next.removed) into.delete(id);
    cursor = next.cursor;
    if (next.complete) return { directory: into, cursor };
  }
}

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

async function importRows(server: TestServer, rows: ReturnType<typeof alumnusRow>[]) {
  const reply = await importCsv(server.api, toCsv(rows));
  expect(reply.status).toBe(200);
}

describe.each(backends)('directory delta pages shared between clients on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
  });
  afterAll(() => server?.close());

  test('a page asked for again after someone on it was erased no longer holds them', async () => {
    const { cursor: tail } = await walk(server, undefined, 100);
    const people = ids('PAGE-ERASE-', 6);
    await importRows(server, people.map((id) => alumnusRow(id)));
    const first = await page(server, tail, 3);
    expect(first.complete).toBe(false);
    const onIt = first.alumni.map((a) => a.id);
    expect(onIt).toHaveLength(3);
    // A second client starting from the same cursor is served the same page.
    expect(await page(server, tail, 3)).toEqual(first);

    const erased = onIt[1];
    expect((await call(`${server.api}/admin/alumni/${erased}`, { method: 'DELETE', token: tokens.admin })).status).toBe(204);
    const after = await page(server, tail, 3);
    expect(after.alumni.map((a) => a.id)).not.toContain(erased);
    expect(JSON.stringify(after)).not.toContain(erased);
    // And a client walking on from there learns the erasure.
    const { directory } = await walk(server, tail, 3);
    expect(directory.has(erased)).toBe(false);
    expect([...directory.keys()].sort()).toEqual(people.filter((id) => id !== erased).sort());
  });

  test('clients that walk remembered pages while rows change end with the same directory as a fresh sync', async () => {
    const { cursor: tail } = await walk(server, undefined, 100);
    const people = ids('PAGE-CHANGE-', 9);
    await importRows(server, people.map((id) => alumnusRow(id)));
    // The first client leaves its pages remembered.
    const early = await walk(server, tail, 2);
    expect(early.directory.get('PAGE-CHANGE-1')?.currentTitle).toBeUndefined();

    // Rows on those pages change (moving to later change numbers), and someone new arrives.
    await importRows(server, [
      alumnusRow('PAGE-CHANGE-1', { current_title: 'Head of Design' }),
      alumnusRow('PAGE-CHANGE-4', { consent_recognition: 'no' }),
      alumnusRow('PAGE-CHANGE-10'),
    ]);

    // A second client from the same cursor gets the remembered pages, then the newer versions after them.
    const late = await walk(server, tail, 2);
    const fresh = (await walk(server, undefined, 100)).directory;
    const ours = (directory: Map<string, Alumnus>) => [...directory.values()].filter((a) => a.id.startsWith('PAGE-CHANGE-')).sort((a, b) => a.id.localeCompare(b.id));
    expect(ours(late.directory)).toEqual(ours(fresh));
    expect(late.directory.get('PAGE-CHANGE-1')?.currentTitle).toBe('Head of Design');
    expect(late.directory.has('PAGE-CHANGE-4')).toBe(false);
    expect(late.directory.has('PAGE-CHANGE-10')).toBe(true);
    // The first client catching up from where it stopped agrees too.
    expect(ours((await walk(server, early.cursor, 2, early.directory)).directory)).toEqual(ours(fresh));
  });
});
