import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DirectoryPage, MyProfile, Showcase, type Alumnus, type ShowcaseInput } from '../../utils/api';
import { demoIds } from '../../server/seed/demo-data';
import { createToken } from '../../server/store/tokens';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';
import { syncFeed } from './support/sync';

const sofiaShowcase = (overrides: Partial<ShowcaseInput> = {}): ShowcaseInput => ({
  businessName: 'Andersson Reyes Learning',
  offering: 'Engineering education programmes for product teams: design systems, accessibility, frontend.',
  lookingFor: 'Companies that want to train their frontend teams',
  tags: { skills: ['Frontend', 'Accessibility', 'Design systems'], industries: ['Education'], services: ['Workshops'] },
  website: 'https://andersson-reyes.example',
  sharedContact: { email: 'sofia@andersson-reyes.example', phone: '+46 8-555-0101' },
  published: true,
  ...overrides,
});

describe.each(backends)('alumni showcases on %s', (backend) => {
  let server: TestServer;
  let sofia: string;
  let unlinked: string;
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
    sofia = await createToken(server.db, 'alumni', 'Sofia Andersson Reyes', { alumnusId: demoIds.sofiaAnderssonReyes });
    unlinked = await createToken(server.db, 'alumni', 'Legacy Alumnus');
  });
  afterAll(() => server?.close());

  const put = (token: string, json: unknown) => call(`${server.api}/me/showcase`, { method: 'PUT', token, json });
  const directory = async (token: string, since?: string) => {
    const { pages, cursor } = await syncFeed<DirectoryPage>(`${server.api}/directory`, token, since);
    return { alumni: pages.flatMap((page) => DirectoryPage.parse(page).alumni), removed: pages.flatMap((page) => page.removed), cursor };
  };
  const served = (alumni: Alumnus[], id: string) => alumni.find((alumnus) => alumnus.id === id);

  test('an alumnus creates, reads and replaces their own showcase; an unchanged PUT keeps its date', async () => {
    expect((await call(`${server.api}/me/showcase`, { token: sofia })).status).toBe(404);
    const created = await put(sofia, sofiaShowcase({ published: false }));
    expect(created.status).toBe(200);
    expect(Showcase.parse(created.body)).toMatchObject({ ...sofiaShowcase({ published: false }) });
    const read = await call(`${server.api}/me/showcase`, { token: sofia });
    expect(read.body).toEqual(created.body);
    const again = await put(sofia, sofiaShowcase({ published: false }));
    expect(again.body.updatedAt).toBe(created.body.updatedAt);
  });

  test('staff see a showcase only while published; publishing, editing and unpublishing each advance the cursor', async () => {
    const before = await directory(tokens.recruiter);
    expect(served(before.alumni, demoIds.sofiaAnderssonReyes)).not.toHaveProperty('showcase');

    expect((await put(sofia, sofiaShowcase())).status).toBe(200);
    const published = await directory(tokens.recruiter, before.cursor);
    expect(published.alumni.map((a) => a.id)).toEqual([demoIds.sofiaAnderssonReyes]);
    expect(published.alumni[0]?.showcase).toMatchObject({
      businessName: 'Andersson Reyes Learning',
      sharedContact: { email: 'sofia@andersson-reyes.example', phone: '+46 8-555-0101' },
      published: true,
    });
    // Every staff role sees it; sales too.
    expect(served((await directory(tokens.sales)).alumni, demoIds.sofiaAnderssonReyes)?.showcase?.businessName).toBe('Andersson Reyes Learning');

    await put(sofia, sofiaShowcase({ lookingFor: 'Partners for accessibility audits' }));
    const edited = await directory(tokens.recruiter, published.cursor);
    expect(edited.alumni.map((a) => [a.id, a.showcase?.lookingFor])).toEqual([[demoIds.sofiaAnderssonReyes, 'Partners for accessibility audits']]);

    await put(sofia, sofiaShowcase({ lookingFor: 'Partners for accessibility audits', published: false }));
    const unpublished = await directory(tokens.recruiter, edited.cursor);
    expect(unpublished.alumni.map((a) => a.id)).toEqual([demoIds.sofiaAnderssonReyes]);
    expect(unpublished.alumni[0]).not.toHaveProperty('showcase');
    // A client that applies the page (replacing the record) no longer has the showcase; a fresh client never sees it.
    expect(served((await directory(tokens.admin)).alumni, demoIds.sofiaAnderssonReyes)).not.toHaveProperty('showcase');

    // Edits while unpublished are nobody else's business: no change reaches staff.
    await put(sofia, sofiaShowcase({ offering: 'Private draft', published: false }));
    expect((await directory(tokens.recruiter, unpublished.cursor)).alumni).toEqual([]);
  });

  test('the demo seed serves published showcases in Japanese and English, never the unpublished one', async () => {
    const { alumni } = await directory(tokens.sales);
    const withShowcase = alumni.filter((a) => a.showcase).map((a) => [a.id, a.showcase!.businessName]);
    expect(withShowcase).toEqual(expect.arrayContaining([['E1001', '山田テック顧問'], ['E1012', '山本法律事務所'], ['E2005', 'Nordlicht Analytics']]));
    expect(served(alumni, 'E1021')).not.toHaveProperty('showcase');
    expect(JSON.stringify(alumni)).not.toContain('大野ファイナンス研究所');
  });

  test('the alumni role reads only its own showcase and profile, never the directory or anyone else’s', async () => {
    expect((await call(`${server.api}/directory`, { token: sofia })).status).toBe(403);
    const taro = MyProfile.parse((await call(`${server.api}/me/profile`, { token: tokens.alumni })).body);
    expect(taro.alumnus).toMatchObject({ id: demoIds.taroYamada, currentEmployer: { organizationId: demoIds.miraiBank } });
    expect(taro.alumnus).not.toHaveProperty('rehireEligible');
    expect(taro.showcase?.businessName).toBe('山田テック顧問');
    expect(taro.suggestions).toMatchObject([{ offerId: 'offer-alumni-meetup-speaker', suggestedBy: 'Kenji Watanabe' }]);
    const own = MyProfile.parse((await call(`${server.api}/me/profile`, { token: sofia })).body);
    expect(own.alumnus.id).toBe(demoIds.sofiaAnderssonReyes);
    expect(JSON.stringify(own)).not.toContain('山田テック顧問');
    expect((await call(`${server.api}/me/showcase`, { token: tokens.alumni })).body.businessName).toBe('山田テック顧問');
  });

  test('staff cannot use the alumni endpoints; an alumni token not linked to a record is told so', async () => {
    for (const token of [tokens.recruiter, tokens.sales, tokens.admin]) {
      expect((await call(`${server.api}/me/showcase`, { token })).status).toBe(403);
      expect((await put(token, sofiaShowcase())).status).toBe(403);
      expect((await call(`${server.api}/me/profile`, { token })).status).toBe(403);
    }
    for (const reply of [await call(`${server.api}/me/profile`, { token: unlinked }), await put(unlinked, sofiaShowcase())]) {
      expect(reply.status).toBe(409);
      expect(reply.body.error.code).toBe('token_not_linked');
    }
  });

  test('a showcase that breaks the contract is 400 with every issue named, and nothing changes', async () => {
    const before = (await call(`${server.api}/me/showcase`, { token: sofia })).body;
    const bad = await put(sofia, {
      ...sofiaShowcase(),
      businessName: '',
      website: 'javascript:alert(1)',
      sharedContact: { email: 'not-an-email', phone: 'call me' },
      tags: { skills: Array.from({ length: 31 }, (_, i) => `skill ${i}`), industries: [], services: [''] },
      published: 'yes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    const paths = bad.body.error.issues.map((issue: { path: (string | number)[] }) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['businessName', 'website', 'sharedContact.email', 'sharedContact.phone', 'tags.skills', 'tags.services.0', 'published']),
    );
    const missing = await put(sofia, { businessName: 'Only a name' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues.map((issue: { path: string[] }) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['offering', 'tags', 'sharedContact', 'published']),
    );
    expect((await call(`${server.api}/me/showcase`, { token: sofia })).body).toEqual(before);
  });

  test('suggestions: staff suggest an open offer once per alumnus; the alumnus sees who suggested it', async () => {
    const input = { id: randomUUID(), alumnusId: demoIds.sofiaAnderssonReyes, offerId: 'offer-spotify-frontend-guild', note: 'You know their design system' };
    const first = await call(`${server.api}/suggestions`, { token: tokens.recruiter, json: input });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...input, suggestedBy: 'Kenji Watanabe' });
    expect((await call(`${server.api}/suggestions`, { token: tokens.recruiter, json: input })).status).toBe(200);
    expect((await call(`${server.api}/suggestions`, { token: tokens.recruiter, json: { ...input, note: 'changed' } })).status).toBe(409);
    // Someone else suggesting the same offer gets the earlier suggestion: the alumnus sees it once.
    const again = await call(`${server.api}/suggestions`, { token: tokens.sales, json: { ...input, id: randomUUID(), note: undefined } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: input.id, suggestedBy: 'Kenji Watanabe' });
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => call(`${server.api}/suggestions`, { token: tokens.sales, json: { ...input, id: randomUUID(), offerId: 'offer-rehire-design-lead' } })),
    );
    expect(burst.filter((reply) => reply.status === 201)).toHaveLength(1);
    expect(burst.filter((reply) => reply.status === 200)).toHaveLength(7);
    const profile = MyProfile.parse((await call(`${server.api}/me/profile`, { token: sofia })).body);
    expect(profile.suggestions.map((s) => [s.offerId, s.suggestedBy])).toEqual([
      ['offer-spotify-frontend-guild', 'Kenji Watanabe'],
      ['offer-rehire-design-lead', 'Emily Carter'],
    ]);
    // Closed offers, unknown alumni and alumni who did not agree to offers cannot be suggested.
    const refused = [
      [await call(`${server.api}/suggestions`, { token: tokens.sales, json: { ...input, id: randomUUID(), offerId: demoIds.closedOffer } }), 409, 'offer_closed'],
      [await call(`${server.api}/suggestions`, { token: tokens.sales, json: { ...input, id: randomUUID(), alumnusId: 'E9999' } }), 404, 'not_found'],
      [await call(`${server.api}/suggestions`, { token: tokens.sales, json: { ...input, id: randomUUID(), alumnusId: 'E1014' } }), 409, 'no_offers_consent'],
      [await call(`${server.api}/suggestions`, { token: tokens.alumni, json: { ...input, id: randomUUID() } }), 403, 'forbidden'],
      [await call(`${server.api}/suggestions`, { token: tokens.sales, json: { ...input, id: 'not-a-uuid' } }), 400, 'invalid_request'],
    ] as const;
    for (const [reply, status, code] of refused) {
      expect(reply.status, code).toBe(status);
      expect(reply.body.error.code).toBe(code);
    }
  });

  test('erasing an alumnus erases their showcase and suggestions', async () => {
    const hanako = await createToken(server.db, 'alumni', '佐藤 花子', { alumnusId: demoIds.hanakoSato });
    expect((await put(hanako, sofiaShowcase({ businessName: 'さとう営業研究所' }))).status).toBe(200);
    expect((await call(`${server.api}/admin/alumni/${demoIds.hanakoSato}`, { method: 'DELETE', token: tokens.admin })).status).toBe(204);
    expect(await server.db.query('SELECT * FROM showcases WHERE alumnus_id = $1', [demoIds.hanakoSato])).toEqual([]);
    // Her own tokens end with the erasure (console erasure revokes them): nothing can be read or written with them.
    expect((await call(`${server.api}/me/profile`, { token: hanako })).status).toBe(401);
    expect((await put(hanako, sofiaShowcase())).status).toBe(401);
    expect(await server.db.query('SELECT * FROM showcases WHERE alumnus_id = $1', [demoIds.hanakoSato])).toEqual([]);
  });
});
