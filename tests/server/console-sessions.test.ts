import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Overview, Session } from '../../utils/api/console';
import { hashToken } from '../../server/store/tokens';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';
import { asConsole, signIn } from './support/console';

const offer = { title: 'Console test offer', summary: 'Made from a console session', kind: 'project', skills: [], contact: { name: 'Aiko Mori' } };

describe.each(backends)('console sessions on %s', (backend) => {
  let server: TestServer;
  const offerCount = async () => (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM offers'))[0].n;

  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
  });
  afterAll(() => server?.close());

  test('signing in sets an HttpOnly, SameSite=Strict session cookie and answers a CSRF token, never the token', async () => {
    const reply = await call(`${server.api}/session`, { json: { token: tokens.admin }, headers: { origin: server.url } });
    expect(reply.status).toBe(201);
    const session = Session.parse(reply.body);
    expect(session.user).toEqual({ name: 'Aiko Mori (Alumni Programme)', role: 'admin' });
    expect(JSON.stringify(reply.body)).not.toContain(tokens.admin);
    const cookie = reply.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^alumni_lens_session=[\w-]{40,};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/); // plain http on loopback
    expect(cookie).not.toContain(tokens.admin);
    // Only a hash of the session id is stored.
    const stored = await server.db.query<{ id_hash: string }>('SELECT id_hash FROM console_sessions');
    expect(stored.map((row) => row.id_hash)).not.toContain(cookie.split(';')[0].split('=')[1]);

    const behindTls = await call(`${server.api}/session`, {
      json: { token: tokens.admin },
      headers: { origin: server.url, 'x-forwarded-proto': 'https' },
    });
    expect(behindTls.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  test('the cookie alone authenticates reads; GET /session gives the same CSRF token back after a reload', async () => {
    const session = await signIn(server.url, tokens.admin);
    const overview = await call(`${server.api}/console/overview`, { headers: { cookie: session.cookie } });
    expect(overview.status).toBe(200);
    const again = await call(`${server.api}/session`, { headers: { cookie: session.cookie } });
    expect(again.body.csrfToken).toBe(session.csrfToken);
    expect((await call(`${server.api}/session`)).status).toBe(401);
  });

  test('a change by cookie needs the console’s Origin and its CSRF token; anything else is refused and writes nothing', async () => {
    const session = await signIn(server.url, tokens.admin);
    const before = await offerCount();
    const attempts: Record<string, Record<string, string>> = {
      'no Origin': { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      'another site': { cookie: session.cookie, origin: 'https://evil.example', 'x-csrf-token': session.csrfToken },
      'opaque origin': { cookie: session.cookie, origin: 'null', 'x-csrf-token': session.csrfToken },
      'no CSRF token': { cookie: session.cookie, origin: server.url },
      'a wrong CSRF token': { cookie: session.cookie, origin: server.url, 'x-csrf-token': `${session.csrfToken.slice(0, -1)}x` },
    };
    for (const [what, headers] of Object.entries(attempts)) {
      const reply = await call(`${server.api}/admin/offers`, { json: offer, headers });
      expect(reply.status, what).toBe(403);
      expect(reply.body.error.code, what).toBe('csrf_refused');
    }
    expect(await offerCount()).toBe(before);
    const made = await asConsole(session, `${server.api}/admin/offers`, { json: offer });
    expect(made.status).toBe(201);
    expect(await offerCount()).toBe(before + 1);
    // Another session's CSRF token does not fit this one.
    const other = await signIn(server.url, tokens.admin);
    const crossed = await call(`${server.api}/admin/offers`, { json: offer, headers: { cookie: session.cookie, origin: server.url, 'x-csrf-token': other.csrfToken } });
    expect(crossed.status).toBe(403);
  });

  test('sign-in from another site is refused (login CSRF), and so are alumni and unknown tokens', async () => {
    const foreign = await call(`${server.api}/session`, { json: { token: tokens.admin }, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
    const alumni = await call(`${server.api}/session`, { json: { token: tokens.alumni }, headers: { origin: server.url } });
    expect(alumni.status).toBe(403);
    expect(alumni.headers.get('set-cookie')).toBeNull();
    const unknown = await call(`${server.api}/session`, { json: { token: 'not-a-token' }, headers: { origin: server.url } });
    expect(unknown.status).toBe(401);
  });

  test('a session ends at its expiry, after 30 idle minutes, at sign-out, and when its token is revoked', async () => {
    const expired = await signIn(server.url, tokens.admin);
    const idle = await signIn(server.url, tokens.admin);
    await server.db.query(`UPDATE console_sessions SET expires_at = now() - interval '1 second' WHERE id_hash NOT IN (SELECT id_hash FROM console_sessions ORDER BY created_at DESC LIMIT 1)`);
    await server.db.query(`UPDATE console_sessions SET last_seen_at = now() - interval '31 minutes' WHERE expires_at > now()`);
    for (const session of [expired, idle]) {
      const reply = await call(`${server.api}/console/overview`, { headers: { cookie: session.cookie } });
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toBe('session_expired');
    }

    const active = await signIn(server.url, tokens.admin);
    const out = await asConsole(active, `${server.api}/session`, { method: 'DELETE' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/alumni_lens_session=;.*Max-Age=0/);
    expect((await call(`${server.api}/console/overview`, { headers: { cookie: active.cookie } })).status).toBe(401);

    const created = await call(`${server.api}/admin/tokens`, { token: tokens.admin, json: { name: 'Short-lived Recruiter', role: 'recruiter' } });
    const short = await signIn(server.url, created.body.token);
    expect((await call(`${server.api}/console/overview`, { headers: { cookie: short.cookie } })).status).toBe(200);
    expect((await call(`${server.api}/admin/tokens/${created.body.holder.id}`, { method: 'DELETE', token: tokens.admin })).status).toBe(204);
    expect((await call(`${server.api}/console/overview`, { headers: { cookie: short.cookie } })).status).toBe(401);
    expect(await server.db.query('SELECT 1 FROM console_sessions WHERE token_hash = $1', [hashToken(created.body.token)])).toEqual([]);
  });

  test('role views: recruiters and sales read what their role may see, and no admin page', async () => {
    const recruiter = await signIn(server.url, tokens.recruiter);
    const sales = await signIn(server.url, tokens.sales);
    const admin = await signIn(server.url, tokens.admin);
    for (const path of ['/admin/tokens', '/admin/audit', '/admin/imports', '/admin/exports/introductions.csv']) {
      expect((await asConsole(recruiter, `${server.api}${path}`)).status, path).toBe(403);
      expect((await asConsole(sales, `${server.api}${path}`)).status, path).toBe(403);
      expect((await asConsole(admin, `${server.api}${path}`)).status, path).toBe(200);
    }
    expect((await asConsole(recruiter, `${server.api}/admin/offers`, { json: offer })).status).toBe(403);

    const adminView = Overview.parse((await asConsole(admin, `${server.api}/console/overview`)).body);
    const recruiterView = Overview.parse((await asConsole(recruiter, `${server.api}/console/overview`)).body);
    expect(adminView.consent).toBeDefined();
    expect(adminView.freshness).toBeDefined();
    expect(recruiterView.consent).toBeUndefined();
    expect(recruiterView.freshness).toBeUndefined();
    expect(recruiterView.offers.every((o) => o.interests === undefined)).toBe(true);

    // Demo alumnus E1045 did not consent to recognition: admins find them, other staff do not.
    const [nonConsenting] = await server.db.query<{ id: string }>(
      `SELECT id FROM alumni WHERE deleted_at IS NULL AND NOT recognised ORDER BY id LIMIT 1`,
    );
    expect((await asConsole(admin, `${server.api}/console/alumni/${nonConsenting.id}`)).status).toBe(200);
    expect((await asConsole(recruiter, `${server.api}/console/alumni/${nonConsenting.id}`)).status).toBe(404);
    const adminTotal = (await asConsole(admin, `${server.api}/console/alumni`)).body.total;
    const recruiterTotal = (await asConsole(recruiter, `${server.api}/console/alumni`)).body.total;
    expect(recruiterTotal).toBeLessThan(adminTotal);

    const recruiterDetail = (await asConsole(recruiter, `${server.api}/console/alumni/E1001`)).body;
    const salesDetail = (await asConsole(sales, `${server.api}/console/alumni/E1001`)).body;
    expect(recruiterDetail.alumnus.rehireEligible).toBe(true);
    expect(salesDetail.alumnus).not.toHaveProperty('rehireEligible');
    expect(salesDetail).not.toHaveProperty('interests');
  });
});
