import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OrganizationsPage, type Organization } from '../../utils/api';
import { openDatabase, type DatabaseLocation } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { startServer } from '../../server/index';
import { hashToken } from '../../server/store/tokens';
import { demoIds, demoOffers, demoOrganizations } from '../../server/seed/demo-data';
import { newDataFolder, removeDataFolderTemplates } from './support/data-folder';
import { call, tokens } from './support/http';
import { backends, createPostgresDatabase, startTestServer, type TestServer } from './support/test-server';

// The alumni role sees an organisation only while an open offer concerns it: its website is where the
// alumnus is shown those offers. Every other organisation stays invisible, record and id alike.

interface FeedChanges {
  live: Organization[];
  removed: string[];
  cursor: string;
}

/** Follows GET /organizations from `since` to the end, as the extension does. */
async function organizationsSince(api: string, token: string, since?: string, limit = 1000): Promise<FeedChanges> {
  const changes: FeedChanges = { live: [], removed: [], cursor: since ?? '' };
  for (let page = 0; page < 100; page++) {
    const query = new URLSearchParams({ limit: String(limit), ...(changes.cursor ? { since: changes.cursor } : {}) });
    const reply = await call(`${api}/organizations?${query}`, { token });
    expect(reply.status).toBe(200);
    const body = OrganizationsPage.parse(reply.body);
    changes.live.push(...body.organizations);
    changes.removed.push(...body.removed);
    changes.cursor = body.cursor;
    if (body.complete) return changes;
  }
  throw new Error('The organisations feed did not complete');
}

const ids = (changes: FeedChanges) => changes.live.map((organization) => organization.id).sort();
const openOfferOrganizations = [...new Set(demoOffers.filter((o) => o.status === 'open' && o.organizationId).map((o) => o.organizationId!))].sort();

describe.each(backends)('organisations for the alumni role on %s', (backend) => {
  let server: TestServer;
  const admin = (path: string, init: { method?: string; json?: unknown } = {}) => call(`${server.api}/admin/${path}`, { ...init, token: tokens.admin });

  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
  });
  afterAll(() => server?.close());

  test('a first sync lists exactly the organisations open offers concern; staff still get every one', async () => {
    const alumni = await organizationsSince(server.api, tokens.alumni);
    expect(openOfferOrganizations).toEqual([demoIds.audiense, demoIds.miraiBank, demoIds.spotify].sort());
    expect(ids(alumni)).toEqual(openOfferOrganizations);
    expect(alumni.removed).toEqual([]);
    // Kaze Games' only offer is closed: an alumnus is not told it exists.
    expect(ids(alumni)).not.toContain(demoIds.kazeGames);
    expect(alumni.live.find((o) => o.id === demoIds.audiense)).toMatchObject({ name: 'Audiense', domains: ['audiense.com'] });

    const staff = await organizationsSince(server.api, tokens.sales);
    expect(ids(staff)).toEqual(demoOrganizations.map((o) => o.id).sort());
  });

  test('offers opening, closing and moving bring organisations in and take them out; nothing else reaches alumni', async () => {
    const start = await organizationsSince(server.api, tokens.alumni);
    const staffStart = await organizationsSince(server.api, tokens.sales);
    const copy = new Map(start.live.map((o) => [o.id, o]));
    const follow = async (since: string) => {
      const changes = await organizationsSince(server.api, tokens.alumni, since);
      for (const organization of changes.live) copy.set(organization.id, organization);
      for (const id of changes.removed) copy.delete(id);
      return changes;
    };

    // Organisations no offer concerns change or appear: alumni hear nothing, not even an id.
    expect((await admin('organizations/org-tsubasa-motors', { method: 'PUT', json: { name: 'つばさモーターズ株式会社', aliases: ['Tsubasa'], domains: ['tsubasa-motors.example'], profileUrls: [] } })).status).toBe(200);
    expect((await admin('organizations/org-secret-prospect', { method: 'PUT', json: { name: 'Secret Prospect', aliases: [], domains: ['secret-prospect.example'], profileUrls: [] } })).status).toBe(201);
    const quiet = await follow(start.cursor);
    expect(quiet).toMatchObject({ live: [], removed: [] });

    // A new open offer about an organisation makes it visible, with its record.
    const offer = await admin('offers', { json: { title: 'Care app pilot', summary: 'With Hikari Healthcare.', kind: 'project', skills: [], organizationId: 'org-hikari-health', contact: { name: 'Kenji Watanabe' } } });
    expect(offer.status).toBe(201);
    const opened = await follow(quiet.cursor);
    expect(opened).toMatchObject({ live: [{ id: 'org-hikari-health', domains: ['hikari-health.example'] }], removed: [] });

    // Closing Mirai Bank's only offer takes Mirai Bank out; closing one of Audiense's two leaves Audiense.
    expect((await admin('offers/offer-mirai-bank-mobile/close', { method: 'POST' })).status).toBe(200);
    expect((await admin('offers/offer-audiense-sre-referral/close', { method: 'POST' })).status).toBe(200);
    const closed = await follow(opened.cursor);
    expect(closed).toMatchObject({ live: [], removed: [demoIds.miraiBank] });

    // Editing a closed offer keeps it closed, so its organisation stays out.
    const edited = await admin('offers/offer-mirai-bank-mobile', { method: 'PATCH', json: { skills: ['iOS'] } });
    expect(edited.body).toMatchObject({ status: 'closed', skills: ['iOS'] });
    // An offer moved to another organisation moves the visibility with it.
    expect((await admin('offers/offer-spotify-frontend-guild', { method: 'PATCH', json: { organizationId: 'org-nordlicht' } })).status).toBe(200);
    const moved = await follow(closed.cursor);
    expect(ids(moved)).toEqual(['org-nordlicht']);
    expect(moved.removed).toEqual([demoIds.spotify]);

    // A concerned organisation's new domain reaches alumni; its deletion reaches them as removed.
    await admin(`organizations/${demoIds.audiense}`, { method: 'PUT', json: { name: 'Audiense', aliases: [], domains: ['audiense.com', 'audiense.example'], profileUrls: [] } });
    expect((await admin('organizations/org-hikari-health', { method: 'DELETE' })).status).toBe(204);
    const last = await follow(moved.cursor);
    expect(last.live).toMatchObject([{ id: demoIds.audiense, domains: ['audiense.com', 'audiense.example'] }]);
    expect(last.removed).toEqual(['org-hikari-health']);

    // The copy kept by following equals a fresh first sync: exactly the organisations open offers concern now.
    const fresh = await organizationsSince(server.api, tokens.alumni);
    expect([...copy.keys()].sort()).toEqual(ids(fresh));
    expect(ids(fresh)).toEqual([demoIds.audiense, 'org-nordlicht']);
    expect(fresh.live.find((o) => o.id === demoIds.audiense)?.domains).toEqual(['audiense.com', 'audiense.example']);

    // Staff follow their own feed as before: offers changing do not resend organisations to them.
    const staff = await organizationsSince(server.api, tokens.sales, staffStart.cursor);
    expect(ids(staff)).toEqual([demoIds.audiense, 'org-secret-prospect', 'org-tsubasa-motors']);
    expect(staff.removed).toEqual(['org-hikari-health']);
  });

  test('an organisation that stops being concerned during a paged first sync still reaches the client as removed', async () => {
    const first = await call(`${server.api}/organizations?limit=1`, { token: tokens.alumni });
    const seen: string = OrganizationsPage.parse(first.body).organizations[0].id;
    const concerning = (await call(`${server.api}/offers`, { token: tokens.alumni })).body.offers.filter((o: { organizationId?: string }) => o.organizationId === seen);
    for (const offer of concerning) await admin(`offers/${offer.id}/close`, { method: 'POST' });
    const rest = await organizationsSince(server.api, tokens.alumni, first.body.cursor, 1);
    expect(rest.removed).toContain(seen);
    expect(ids(rest)).not.toContain(seen);
  });
});

describe.each(backends)('upgrading a database with offers (%s)', (backend) => {
  const folders: string[] = [];
  afterAll(async () => {
    folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
    await removeDataFolderTemplates();
  });

  /** A database as release 4 (before alumni saw organisations) left it. */
  async function releaseFourLocation() {
    if (backend === 'pglite') {
      const parent = mkdtempSync(join(tmpdir(), 'alumni-lens-data-'));
      folders.push(parent);
      const dataDir = await newDataFolder(join(parent, 'data'), 4);
      return { location: { dataDir } as DatabaseLocation, options: { dataDir }, drop: async () => undefined };
    }
    const database = await createPostgresDatabase();
    return { location: { databaseUrl: database.url } as DatabaseLocation, options: { databaseUrl: database.url }, drop: database.drop };
  }

  test('existing offers decide at once which organisations alumni see', async () => {
    const { location, options, drop } = await releaseFourLocation();
    try {
      const old = await openDatabase(location);
      await migrate(old, { upTo: 4 });
      await old.query(`INSERT INTO company (name, aliases, domains) VALUES ('Sakura Digital', '[]', '["sakura-digital.example"]')`);
      await old.query('INSERT INTO api_tokens (token_hash, name, role) VALUES ($1, $2, $3)', [hashToken('legacy-alumni'), '山田 太郎', 'alumni']);
      const org = (name: string) => JSON.stringify({ name, aliases: [], domains: [`${name.toLowerCase()}.example`], profileUrls: [] });
      await old.query('INSERT INTO organizations (id, record) VALUES ($1, $2::jsonb), ($3, $4::jsonb), ($5, $6::jsonb)', [
        'org-open', org('Open'), 'org-closed', org('Closed'), 'org-none', org('None'),
      ]);
      const offer = (organizationId: string, status: string) =>
        JSON.stringify({ title: 'Offer', summary: '', kind: 'project', skills: [], organizationId, status, contact: { name: 'Kenji' } });
      await old.query('INSERT INTO offers (id, record) VALUES ($1, $2::jsonb), ($3, $4::jsonb)', ['offer-a', offer('org-open', 'open'), 'offer-b', offer('org-closed', 'closed')]);
      await old.close();

      const server = await startServer({ ...options, port: 0, host: '127.0.0.1' });
      try {
        const alumni = await organizationsSince(`${server.url}/api/v1`, 'legacy-alumni');
        expect(ids(alumni)).toEqual(['org-open']);
        expect(alumni.removed).toEqual([]);
      } finally {
        await server.close();
      }
    } finally {
      await drop();
    }
  });
});
