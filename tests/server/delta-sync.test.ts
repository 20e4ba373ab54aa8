import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DirectoryPage, OffersPage, OrganizationsPage, type Alumnus } from '../../utils/api';
import { demoAlumni, demoIds, demoOffers, demoOrganizations } from '../../server/seed/demo-data';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';
import { alumnusRow, importCsv, toCsv } from './support/csv';

/** Follows a feed to its end the way the extension does, collecting every page. */
async function syncAll(url: string, token: string, since?: string, limit = 1000) {
  const pages = [];
  let cursor = since;
  for (let i = 0; i < 1000; i++) {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { since: cursor } : {}) });
    const reply = await call(`${url}?${query}`, { token });
    expect(reply.status).toBe(200);
    pages.push(reply.body);
    cursor = reply.body.cursor;
    if (reply.body.complete) break;
  }
  return { pages, cursor: cursor as string };
}

/** Applies pages to a local copy like a client would: upsert what came, drop what was removed. */
function apply(copy: Map<string, Alumnus>, pages: DirectoryPage[]) {
  for (const page of pages) {
    for (const alumnus of page.alumni) copy.set(alumnus.id, alumnus);
    for (const id of page.removed) copy.delete(id);
  }
}

describe.each(backends)('consent filtering and delta sync on %s', (backend) => {
  let server: TestServer;
  let directory: string;
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
    directory = `${server.api}/directory`;
  });
  afterAll(() => server?.close());

  test('a first sync serves exactly the consenting demo alumni and names nobody else', async () => {
    const { pages } = await syncAll(directory, tokens.recruiter);
    const served = pages.flatMap((page) => DirectoryPage.parse(page).alumni.map((a) => a.id));
    const consenting = demoAlumni.filter((a) => a.consent.recognition).map((a) => a.id);
    expect(served.sort()).toEqual(consenting.sort());
    expect(served).not.toContain(demoIds.karimSaleh);
    expect(pages.flatMap((page) => page.removed)).toEqual([]);
    const sofia = pages.flatMap((page) => page.alumni).find((a: Alumnus) => a.id === demoIds.sofiaAnderssonReyes);
    expect(sofia).toMatchObject({
      names: { display: 'Sofia Andersson Reyes' },
      profileUrls: ['https://www.linkedin.com/in/sofia-andersson-reyes'],
      tenure: [{ from: '2009-04', to: '2011-08', department: 'Design' }],
      currentEmployer: { name: 'Spotify', organizationId: demoIds.spotify },
      rehireEligible: true,
      relationshipOwner: { name: 'Kenji Watanabe' },
    });
  });

  test('paging returns every record once, in small pages, with complete only on the last', async () => {
    const { pages } = await syncAll(directory, tokens.sales, undefined, 7);
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.slice(0, -1).every((page) => !page.complete && page.alumni.length === 7)).toBe(true);
    const ids = pages.flatMap((page) => page.alumni.map((a: Alumnus) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(demoAlumni.filter((a) => a.consent.recognition).length);
  });

  test('inserts, updates, consent withdrawal and deletion reach a client that syncs from its cursor', async () => {
    const copy = new Map<string, Alumnus>();
    const first = await syncAll(directory, tokens.recruiter);
    apply(copy, first.pages);
    const [a, b, c, d] = [0, 1, 2, 3].map(() => `T-${randomUUID().slice(0, 8)}`);
    expect((await importCsv(server.api, toCsv([alumnusRow(a), alumnusRow(b), alumnusRow(c), alumnusRow(d, { consent_recognition: 'no' })]))).status).toBe(200);

    const afterInsert = await syncAll(directory, tokens.recruiter, first.cursor, 2);
    apply(copy, afterInsert.pages);
    expect(afterInsert.pages.flatMap((p) => p.alumni.map((x: Alumnus) => x.id)).sort()).toEqual([a, b, c].sort());
    expect(copy.has(d)).toBe(false);

    // b changes title, c withdraws consent, a is erased, d gives consent.
    const changes = toCsv([
      alumnusRow(b, { current_title: 'VP Engineering' }),
      alumnusRow(c, { consent_recognition: 'no' }),
      alumnusRow(d, { consent_recognition: 'yes' }),
    ]);
    expect((await importCsv(server.api, changes)).body).toMatchObject({ imported: 0, updated: 3 });
    expect((await call(`${server.api}/admin/alumni/${a}`, { method: 'DELETE', token: tokens.admin })).status).toBe(204);

    const afterChanges = await syncAll(directory, tokens.recruiter, afterInsert.cursor, 2);
    const removed = afterChanges.pages.flatMap((p) => p.removed);
    expect(removed.sort()).toEqual([a, c].sort());
    apply(copy, afterChanges.pages);
    expect(copy.get(b)?.currentTitle).toBe('VP Engineering');
    expect(copy.has(a) || copy.has(c)).toBe(false);
    expect(copy.get(d)?.consent.recognition).toBe(true);

    // The local copy now equals what a brand-new client gets.
    const fresh = new Map<string, Alumnus>();
    apply(fresh, (await syncAll(directory, tokens.recruiter)).pages);
    expect([...copy.keys()].sort()).toEqual([...fresh.keys()].sort());

    // Nothing new: an empty page that keeps the cursor and is complete.
    const idle = await call(`${directory}?since=${afterChanges.cursor}`, { token: tokens.recruiter });
    expect(idle.body).toEqual({ alumni: [], removed: [], cursor: afterChanges.cursor, complete: true });
  });

  test('re-importing unchanged rows does not make clients download them again', async () => {
    const id = `T-${randomUUID().slice(0, 8)}`;
    await importCsv(server.api, toCsv([alumnusRow(id)]));
    const { cursor } = await syncAll(directory, tokens.sales);
    const again = await importCsv(server.api, toCsv([alumnusRow(id)]));
    expect(again.body).toMatchObject({ imported: 0, updated: 0, skipped: 0 });
    expect((await call(`${directory}?since=${cursor}`, { token: tokens.sales })).body.alumni).toEqual([]);
  });

  test('a change during a paged first sync still reaches the client', async () => {
    const first = await call(`${directory}?limit=3`, { token: tokens.recruiter });
    const seen = first.body.alumni.map((x: Alumnus) => x.id);
    // Someone already delivered on page 1 withdraws consent before the client fetches page 2.
    const withdrawn = seen[0];
    const original = demoAlumni.find((x) => x.id === withdrawn)!;
    await importCsv(server.api, toCsv([alumnusRow(withdrawn, { display_name: original.names.display, consent_recognition: 'no' })]));
    const rest = await syncAll(directory, tokens.recruiter, first.body.cursor, 3);
    expect(rest.pages.flatMap((p) => p.removed)).toContain(withdrawn);
  });

  test('organisations: first sync, upsert, deletion as removed', async () => {
    const all = await syncAll(`${server.api}/organizations`, tokens.sales);
    const orgs = all.pages.flatMap((p) => OrganizationsPage.parse(p).organizations);
    expect(orgs.map((o) => o.id).sort()).toEqual(demoOrganizations.map((o) => o.id).sort());
    expect(orgs.find((o) => o.id === demoIds.audiense)).toMatchObject({
      name: 'Audiense', domains: ['audiense.com'], profileUrls: ['https://www.linkedin.com/company/audiense'],
    });
    const created = await call(`${server.api}/admin/organizations/org-test-new`, {
      method: 'PUT', token: tokens.admin, json: { name: 'Test Org', aliases: ['テスト株式会社'], domains: ['test-org.example'], profileUrls: [] },
    });
    expect(created.status).toBe(201);
    const replaced = await call(`${server.api}/admin/organizations/org-test-new`, {
      method: 'PUT', token: tokens.admin, json: { name: 'Test Org', aliases: [], domains: ['Test-Org.example'], profileUrls: [] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.domains).toEqual(['test-org.example']);
    const changed = await syncAll(`${server.api}/organizations`, tokens.sales, all.cursor);
    expect(changed.pages.flatMap((p) => p.organizations)).toMatchObject([{ id: 'org-test-new', aliases: [] }]);
    expect((await call(`${server.api}/admin/organizations/org-test-new`, { method: 'DELETE', token: tokens.admin })).status).toBe(204);
    expect((await call(`${server.api}/admin/organizations/org-test-new`, { method: 'DELETE', token: tokens.admin })).status).toBe(404);
    const deleted = await syncAll(`${server.api}/organizations`, tokens.sales, changed.cursor);
    expect(deleted.pages.flatMap((p) => p.removed)).toEqual(['org-test-new']);
  });

  test('offers: staff see all with status, alumni only open ones, and a closed offer reaches alumni as removed', async () => {
    const staffSync = await syncAll(`${server.api}/offers`, tokens.sales);
    const staff = staffSync.pages.flatMap((p) => OffersPage.parse(p).offers);
    expect(staff).toHaveLength(demoOffers.length);
    expect(staff.find((o) => o.id === demoIds.closedOffer)?.status).toBe('closed');

    const alumniSync = await syncAll(`${server.api}/offers`, tokens.alumni);
    const open = alumniSync.pages.flatMap((p) => OffersPage.parse(p).offers);
    expect(open.map((o) => o.id).sort()).toEqual(demoOffers.filter((o) => o.status === 'open').map((o) => o.id).sort());
    expect(alumniSync.pages.flatMap((p) => p.removed)).toEqual([]);

    const created = await call(`${server.api}/admin/offers`, {
      token: tokens.admin,
      json: { title: 'Mentor our new graduates', summary: 'Two hours a month.', kind: 'project', skills: ['Mentoring'], contact: { name: 'Kenji Watanabe' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'open', title: 'Mentor our new graduates' });
    const afterCreate = await syncAll(`${server.api}/offers`, tokens.alumni, alumniSync.cursor);
    expect(afterCreate.pages.flatMap((p) => p.offers.map((o: { id: string }) => o.id))).toEqual([created.body.id]);

    const patched = await call(`${server.api}/admin/offers/${created.body.id}`, { method: 'PATCH', token: tokens.admin, json: { skills: ['Mentoring', 'Career advice'] } });
    expect(patched.body).toMatchObject({ skills: ['Mentoring', 'Career advice'], title: 'Mentor our new graduates' });
    const closed = await call(`${server.api}/admin/offers/${created.body.id}/close`, { token: tokens.admin, method: 'POST' });
    expect(closed.body.status).toBe('closed');
    const afterClose = await syncAll(`${server.api}/offers`, tokens.alumni, afterCreate.cursor);
    expect(afterClose.pages.flatMap((p) => p.removed)).toEqual([created.body.id]);
    expect(afterClose.pages.flatMap((p) => p.offers)).toEqual([]);
    const staffAfterClose = await syncAll(`${server.api}/offers`, tokens.sales, staffSync.cursor);
    expect(staffAfterClose.pages.flatMap((p) => p.offers)).toMatchObject([{ id: created.body.id, status: 'closed' }]);
  });
});
