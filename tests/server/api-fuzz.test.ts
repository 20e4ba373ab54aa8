import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Queryable } from '../../server/db/database';
import { demoAlumni, demoOffers, demoOrganizations } from '../../server/seed/demo-data';
import { operationsOf, requestFor, type FuzzContext, type FuzzRequest, type Operation } from './fuzz/api-requests';
import { backends, startTestServer, type TestServer } from './support/test-server';
import { call, tokens } from './support/http';

// Property-based fuzzing of the whole API (fast-check). Every operation of the OpenAPI document — so endpoints
// added later are covered without touching this file — gets random and mutated queries, path ids, cursors,
// headers, bodies and roles. The properties: the server never answers 5xx, keeps answering, and a request it
// refuses (4xx) stores nothing. Bounded in time per database; a failure prints the request and its answer.

const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 25_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** What a refused request must not change: every table's size and change numbers, the company row. */
async function fingerprint(db: Queryable): Promise<string> {
  const [row] = await db.query(`SELECT
    (SELECT count(*) FROM alumni) AS alumni, (SELECT coalesce(max(seq), 0) FROM alumni) AS alumni_seq,
    (SELECT count(*) FROM organizations) AS organizations, (SELECT coalesce(max(seq), 0) FROM organizations) AS organizations_seq,
    (SELECT coalesce(max(alumni_seq), 0) FROM organizations) AS organizations_alumni_seq,
    (SELECT count(*) FROM offers) AS offers, (SELECT coalesce(max(seq), 0) FROM offers) AS offers_seq,
    (SELECT count(*) FROM introductions) AS introductions, (SELECT count(*) FROM interests) AS interests,
    (SELECT count(*) FROM api_tokens) AS tokens, (SELECT count(*) FROM server_secrets) AS secrets,
    (SELECT coalesce(string_agg(name || aliases::text || domains::text, '|'), '') FROM company) AS company`);
  return JSON.stringify(row);
}

/**
 * One request on a connection of its own. Over a kept-alive connection, a request the server refuses before
 * reading its body gets the socket closed behind the answer once draining it takes over 500 ms (@hono/node-server;
 * PGlite's synchronous queries block the loop that long on a loaded machine), and the next request on that
 * socket would fail: a property of connection reuse, not of the request under test.
 */
function send(request: FuzzRequest): Promise<{ status: number; text: string }> {
  const withBody = request.method !== 'GET' && request.body !== undefined;
  // Node sends a DELETE's body without framing unless told its length; the server would read it as a second request.
  const headers = withBody ? { ...request.headers, 'content-length': String(Buffer.byteLength(request.body!)) } : request.headers;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(request.url, { method: request.method, headers, agent: false, timeout: 30_000 }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: text.slice(0, 500) }));
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer in 30 s')));
    outgoing.on('error', reject);
    outgoing.end(withBody ? request.body : undefined);
  });
}

function describeRequest(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : ` body(${request.body.length}): ${request.body.slice(0, 300)}`;
  return `${request.method} ${request.url} ${JSON.stringify(request.headers)}${body}`;
}

describe.each(backends)('API fuzzing on %s', (backend) => {
  let server: TestServer;
  let operations: Operation[];
  let context: FuzzContext;

  beforeAll(async () => {
    server = await startTestServer(backend, { seed: 'demo' });
    const document = (await call(`${server.api}/openapi.json`)).body;
    operations = operationsOf(document);
    // Genuine cursors of every feed and role, to be handed back as they are or tampered with.
    const cursors: string[] = [];
    for (const feed of ['directory', 'organizations', 'offers']) {
      for (const token of Object.values(tokens)) {
        const reply = await call(`${server.api}/${feed}?limit=5`, { token });
        if (reply.status === 200) cursors.push(reply.body.cursor);
      }
    }
    // Console sessions of every staff role, signed in as the console does (from its own origin); several each,
    // as fuzzed sign-outs end some of them.
    const sessions: FuzzContext['sessions'] = [];
    for (const token of [tokens.admin, tokens.recruiter, tokens.sales].flatMap((t) => Array(5).fill(t) as string[])) {
      const reply = await fetch(`${server.api}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ token }),
      });
      expect(reply.status).toBe(201);
      const id = /alumni_lens_session=([^;]+)/.exec(reply.headers.get('set-cookie') ?? '')?.[1];
      sessions.push({ id: id!, csrfToken: (await reply.json()).csrfToken });
    }
    context = {
      api: server.api,
      origin: server.url,
      sessions,
      components: document.components?.schemas ?? {},
      tokens: { ...tokens },
      knownIds: [...demoAlumni.map((a) => a.id), ...demoOffers.map((o) => o.id), ...demoOrganizations.map((o) => o.id)],
      cursors,
    };
  });
  afterAll(() => server?.close());

  test('every documented operation is fuzzed: no 5xx, nothing stored from a 4xx, the server keeps answering', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(14);
    const seen = new Map<string, { requests: number; pastAuth: number }>();
    const propertyOver = (chosen: Operation[]) =>
      fc.asyncProperty(fc.oneof(...chosen.map((operation) => requestFor(operation, context))), async (request) => {
        const key = `${request.method} ${request.operation.path}`;
        const before = await fingerprint(server.db);
        let answer: { status: number; text: string };
        try {
          answer = await send(request);
        } catch (error) {
          throw new Error(`No answer (${String(error)}) to ${describeRequest(request)}`);
        }
        const tally = seen.get(key) ?? { requests: 0, pastAuth: 0 };
        tally.requests++;
        if (answer.status !== 401 && answer.status !== 403) tally.pastAuth++;
        seen.set(key, tally);
        if (answer.status >= 500) throw new Error(`${answer.status} ${answer.text}\n  for ${describeRequest(request)}`);
        if (answer.status >= 400) {
          const after = await fingerprint(server.db);
          if (after !== before) throw new Error(`A ${answer.status} stored something:\n  before ${before}\n  after  ${after}\n  for ${describeRequest(request)}`);
        }
      });
    await fc.assert(propertyOver(operations), { numRuns: 1_000_000, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false, seed: SEED, endOnFailure: true });
    // On a loaded machine the time budget buys fewer requests, and an operation only one role may call can go
    // unreached by chance. Fuzz each such operation on its own until it is, so coverage does not depend on load.
    const key = (op: Operation) => `${op.method} ${op.path}`;
    let toppedUp = 0;
    for (const operation of operations) {
      if (!seen.get(key(operation))?.pastAuth) toppedUp++;
      for (let round = 0; round < 20 && !seen.get(key(operation))?.pastAuth; round++) {
        await fc.assert(propertyOver([operation]), { numRuns: 25, seed: SEED === undefined ? undefined : SEED + round, endOnFailure: true });
      }
    }

    // Still answering, and every operation was reached, most of them past authentication.
    expect((await call(`${server.api}/health`)).status).toBe(200);
    expect((await call(`${server.api}/me`, { token: tokens.admin })).status).toBe(200);
    const unreached = operations.map(key).filter((name) => !seen.get(name)?.pastAuth);
    expect(unreached).toEqual([]);
    const total = [...seen.values()].reduce((sum, tally) => sum + tally.requests, 0);
    console.log(`fuzz (${backend}): ${total} requests over ${operations.length} operations in ${BUDGET_MS / 1000} s, then ${toppedUp} unreached operation(s) alone`);
    expect(total).toBeGreaterThan(operations.length * 5);
  }, BUDGET_MS + 60_000);
});
