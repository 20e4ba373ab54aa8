import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../server/index';
import { backends, createPostgresDatabase, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';

// Delta-sync cursors are signed: a client can only hand back what this backend gave it, for the same feed.
// Before, base64url("v1:0") made the server name every withheld id in `removed` (non-consenting alumni to
// sales, the closed offer to alumni).

const withheldAlumni = ['E1006', 'E1015', 'E1026'];
const closedOffer = 'offer-kaze-games-localisation';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Pages through a feed to its end and returns the last cursor. */
async function syncToEnd(url: string, token: string): Promise<string> {
  let cursor: string | undefined;
  for (;;) {
    const reply = await call(`${url}?limit=20${cursor ? `&since=${cursor}` : ''}`, { token });
    expect(reply.status).toBe(200);
    cursor = reply.body.cursor as string;
    if (reply.body.complete) return cursor;
  }
}

describe.each(backends)('signed sync cursors on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
  });
  afterAll(() => server?.close());

  test('a forged cursor (old or new format, any seq) is 400 invalid_cursor and names no withheld id', async () => {
    const forged = [b64('v1:0'), b64('v2:0'), `${b64('v2:0')}.${b64('x'.repeat(16))}`, `${b64('v2:0')}.`, 'bogus', `${b64('v2:0')}.AAAAAAAAAAAAAAAAAAAAAA`];
    for (const [feed, token, secrets] of [
      ['directory', tokens.sales, withheldAlumni],
      ['offers', tokens.alumni, [closedOffer]],
    ] as const) {
      for (const since of forged) {
        const reply = await call(`${server.api}/${feed}?since=${encodeURIComponent(since)}`, { token });
        expect(reply.status, `${feed} ${since}`).toBe(400);
        expect(reply.body.error.code).toBe('invalid_cursor');
        for (const id of secrets) expect(JSON.stringify(reply.body)).not.toContain(id);
      }
    }
  });

  test('a genuine cursor with its position changed is refused', async () => {
    const cursor = await syncToEnd(`${server.api}/directory`, tokens.sales);
    const [payload, signature] = cursor.split('.');
    const position = Buffer.from(payload, 'base64url').toString('utf8');
    const earlier = `${b64(position.replace(/^v2:\d+/, 'v2:0'))}.${signature}`;
    const reply = await call(`${server.api}/directory?since=${earlier}`, { token: tokens.sales });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid_cursor');
  });

  test("a cursor is bound to its feed: staff's offers cursor is refused on the alumni's offers feed and on the directory", async () => {
    const staffOffers = await syncToEnd(`${server.api}/offers`, tokens.recruiter);
    for (const [url, token] of [
      [`${server.api}/offers`, tokens.alumni],
      [`${server.api}/directory`, tokens.recruiter],
      [`${server.api}/organizations`, tokens.recruiter],
    ] as const) {
      const reply = await call(`${url}?since=${staffOffers}`, { token });
      expect(reply.status, url).toBe(400);
    }
  });

  test('genuine cursors keep working: a delta after a change names what changed, and nothing withheld', async () => {
    const cursor = await syncToEnd(`${server.api}/directory`, tokens.sales);
    const deleted = await call(`${server.api}/admin/alumni/E2010`, { method: 'DELETE', token: tokens.admin });
    expect(deleted.status).toBe(204);
    const delta = await call(`${server.api}/directory?since=${cursor}`, { token: tokens.sales });
    expect(delta.status).toBe(200);
    expect(delta.body.removed).toEqual(['E2010']);
    for (const id of withheldAlumni) expect(delta.body.removed).not.toContain(id);
  });
});

test('every server on one PostgreSQL signs with the same key, so a client may be answered by any of them', async () => {
  const database = await createPostgresDatabase();
  let first: RunningServer | undefined;
  let second: RunningServer | undefined;
  try {
    first = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: database.url, seed: 'demo' });
    second = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: database.url });
    const cursor = await syncToEnd(`${first.url}/api/v1/directory`, tokens.recruiter);
    const reply = await call(`${second.url}/api/v1/directory?since=${cursor}`, { token: tokens.recruiter });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ alumni: [], removed: [], complete: true });
    const rows = await first.db.query<{ name: string }>('SELECT name FROM server_secrets');
    expect(rows).toEqual([{ name: 'sync-cursor' }]);
  } finally {
    await second?.close();
    await first?.close();
    await database.drop();
  }
});
