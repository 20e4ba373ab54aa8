import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Alumnus, DIRECTORY_SNAPSHOT_FORMAT, type Me, type SnapshotHeader } from '../../../../utils/api';
import { buildIndex, INDEX_FORMAT } from '../../../../utils/recognition';
import { me } from './records';

// A real HTTP server on 127.0.0.1 serving contract-shaped /api/v1 answers from data the test
// controls: paged delta sync with cursors, removals, a page that breaks the contract on demand,
// idempotent POSTs, and scripted failures. Tests that need none of this control use the real
// server from server/ instead.

type Resource = 'directory' | 'organizations' | 'offers' | 'meetings';
const KEY: Record<Resource, string> = { directory: 'alumni', organizations: 'organizations', offers: 'offers', meetings: 'meetings' };

interface Change {
  seq: number;
  id: string;
  record: { id: string } | null;
}

export interface ScriptedBackend {
  url: string;
  tokens: Map<string, Me>;
  pageSize: number;
  /** Records requests, e.g. "GET /api/v1/directory?since=3&limit=1000". */
  requests: string[];
  upsert(resource: Resource, ...records: { id: string }[]): void;
  remove(resource: Resource, ...ids: string[]): void;
  /** The n-th page (0-based) of the next run of this resource answers something off-contract. */
  breakPage(resource: Resource, page: number, body: unknown): void;
  /** The next `times` POSTs answer `status` with this body (or drop the connection when status is 0). */
  failPosts(status: number, times: number, body?: unknown): void;
  /**
   * Answer GET directory/snapshot (as the real server does), from the live records now; off by default, like an
   * older backend (404), so most tests exercise the page-by-page first sync.
   */
  snapshots: boolean;
  /** The next snapshot answers this body instead (bytes as sent: a broken header, a missing line…). */
  breakSnapshot(body: string): void;
  /** The index the snapshot carries instead of the one built from its records (another format, other alumni…). */
  snapshotIndex?: (records: Alumnus[]) => { format: string; text: string };
  /** Forgets failures scripted with failPosts that were not used up. */
  clearFailures(): void;
  /** Awaited before each sync page is answered (to look at the worker mid-sync). */
  beforePage?: (resource: Resource) => Promise<void>;
  /** Stored introductions, interests, meetings and meeting steps, by id (the backend's idempotency). */
  posted: Map<string, unknown>;
  /** Every POST that was stored, in arrival order: "meetings <id>", "meetings/<meeting>/events <id>"… */
  postOrder: string[];
  postCount: number;
  /** Outbox reports clients sent after their syncs (POST /clients/status); false: an older backend without it (404). */
  statusReports: unknown[];
  statusEndpoint: boolean;
  close(): Promise<void>;
}

export async function startScriptedBackend(): Promise<ScriptedBackend> {
  const log: Record<Resource, Change[]> = { directory: [], organizations: [], offers: [], meetings: [] };
  let seq = 0;
  const broken = new Map<Resource, { page: number; body: unknown }>();
  const pagesServed = new Map<Resource, number>();
  const postFailures: { status: number; body: unknown }[] = [];
  let brokenSnapshot: string | null = null;

  const backend: ScriptedBackend = {
    url: '',
    tokens: new Map([
      ['recruiter-token', me('recruiter', 'Rei Recruiter')],
      ['sales-token', me('sales', 'Sam Sales')],
      ['alumni-token', me('alumni', 'Alex Alumnus')],
    ]),
    pageSize: 1000,
    snapshots: false,
    breakSnapshot(body) {
      brokenSnapshot = body;
    },
    requests: [],
    upsert(resource, ...records) {
      for (const record of records) log[resource].push({ seq: ++seq, id: record.id, record });
    },
    remove(resource, ...ids) {
      for (const id of ids) log[resource].push({ seq: ++seq, id, record: null });
    },
    breakPage(resource, page, body) {
      broken.set(resource, { page, body });
      pagesServed.set(resource, 0);
    },
    failPosts(status, times, body) {
      for (let i = 0; i < times; i++) postFailures.push({ status, body });
    },
    clearFailures() {
      postFailures.length = 0;
    },
    posted: new Map(),
    postOrder: [],
    postCount: 0,
    statusReports: [],
    statusEndpoint: true,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  function page(resource: Resource, since: number, limit: number) {
    // Only the latest change per id after the cursor, in sequence order.
    const latest = new Map<string, Change>();
    for (const change of log[resource]) if (change.seq > since) latest.set(change.id, change);
    const changes = [...latest.values()].sort((a, b) => a.seq - b.seq);
    const slice = changes.slice(0, Math.min(limit, backend.pageSize));
    const complete = slice.length === changes.length;
    const cursor = String(slice.length > 0 ? slice[slice.length - 1].seq : since);
    return {
      [KEY[resource]]: slice.filter((c) => c.record).map((c) => c.record),
      removed: slice.filter((c) => !c.record).map((c) => c.id),
      cursor,
      complete,
    };
  }

  /** Every live directory record now, as the real server frames them (utils/api/snapshot.ts). */
  function snapshot(): string {
    const latest = new Map<string, Change>();
    for (const change of log.directory) latest.set(change.id, change);
    const live = [...latest.values()].filter((c) => c.record).map((c) => c.record as Alumnus);
    return snapshotBody(live, String(seq), backend.snapshotIndex?.(live));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    backend.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = url.pathname.replace(/^\/api\/v1\//, '');
    if (path === 'health') return send(200, { status: 'ok' });
    const user = backend.tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!user) return send(401, { error: { code: 'unauthorized', message: 'Unknown token' } });
    if (req.method === 'GET' && path === 'me') return send(200, user);
    if (req.method === 'GET' && path === 'directory/snapshot' && backend.snapshots) {
      const body = brokenSnapshot ?? snapshot();
      brokenSnapshot = null;
      res.writeHead(200, { 'content-type': 'application/x-alumni-lens-snapshot; charset=utf-8' });
      return res.end(body);
    }
    if (req.method === 'GET' && (path === 'directory' || path === 'organizations' || path === 'offers' || path === 'meetings')) {
      // Alumni may read organisations (the real server sends them only those open offers concern; here the test decides).
      if (user.user.role === 'alumni' && path === 'directory') return send(403, { error: { code: 'forbidden', message: 'Alumni cannot read the directory' } });
      await backend.beforePage?.(path);
      const served = pagesServed.get(path) ?? 0;
      pagesServed.set(path, served + 1);
      const trap = broken.get(path);
      if (trap && trap.page === served) {
        broken.delete(path);
        return send(200, trap.body);
      }
      return send(200, page(path, Number(url.searchParams.get('since') ?? 0), Number(url.searchParams.get('limit') ?? 1000)));
    }
    if (req.method === 'POST' && (path === 'introductions' || path === 'interests')) {
      const body = JSON.parse(await readBody(req)) as { id: string };
      const failure = postFailures.shift();
      if (failure?.status === 0) return req.socket.destroy();
      if (failure) return send(failure.status, failure.body ?? { error: { code: 'failure', message: `Scripted ${failure.status}` } });
      backend.postCount++;
      const stored =
        backend.posted.get(body.id) ??
        (path === 'introductions'
          ? { ...body, loggedBy: user.user.name, receivedAt: new Date().toISOString() }
          : { ...body, submittedBy: user.user.name, receivedAt: new Date().toISOString() });
      const existed = backend.posted.has(body.id);
      backend.posted.set(body.id, stored);
      return send(existed ? 200 : 201, stored);
    }
    if (req.method === 'POST' && path === 'clients/status' && backend.statusEndpoint) {
      backend.statusReports.push(JSON.parse(await readBody(req)));
      res.writeHead(204).end();
      return;
    }
    const eventPath = /^meetings\/([0-9a-f-]{36})\/events$/.exec(path);
    if (req.method === 'POST' && (path === 'meetings' || eventPath)) {
      const body = JSON.parse(await readBody(req)) as { id: string; proposedTimes?: string[]; alumnusId?: string };
      const failure = postFailures.shift();
      if (failure?.status === 0) return req.socket.destroy();
      if (failure) return send(failure.status, failure.body ?? { error: { code: 'failure', message: `Scripted ${failure.status}` } });
      const meetingId = eventPath ? eventPath[1]! : body.id;
      const meeting = backend.posted.get(meetingId) as Record<string, unknown> | undefined;
      // As the real server: a step on a meeting it does not have is 404.
      if (eventPath && !meeting) return send(404, { error: { code: 'not_found', message: `Meeting ${meetingId} was not found.` } });
      backend.postCount++;
      const existed = backend.posted.has(body.id);
      const at = new Date().toISOString();
      const answer = eventPath
        ? { ...meeting, updatedAt: at, history: [...(meeting!.history as unknown[]), { id: body.id, type: 'cancel', side: 'staff', by: user.user.name, at }] }
        : {
            id: body.id,
            alumnusId: body.alumnusId ?? 'a1',
            alumnusName: 'Alex Alumnus',
            requestedBy: { side: 'staff', name: user.user.name },
            status: 'requested',
            awaiting: 'alumnus',
            proposedTimes: body.proposedTimes ?? [],
            history: [{ id: body.id, type: 'request', side: 'staff', by: user.user.name, at }],
            yourPart: ['creator'],
            createdAt: at,
            updatedAt: at,
          };
      backend.posted.set(body.id, body);
      backend.posted.set(meetingId, answer);
      if (!existed) backend.postOrder.push(`${path} ${body.id}`);
      return send(existed ? 200 : 201, answer);
    }
    if (req.method === 'GET' && path === 'introductions') {
      const alumnusId = url.searchParams.get('alumnusId');
      const introductions = [...backend.posted.values()].filter((p) => (p as { alumnusId?: string }).alumnusId === alumnusId);
      return send(200, { introductions });
    }
    send(404, { error: { code: 'not_found', message: `No route ${path}` } });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'internal', message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  backend.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return backend;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/** A snapshot body as GET /directory/snapshot frames it: header line, recognition index, one record a line. */
export function snapshotBody(records: Alumnus[], cursor: string, index?: { format: string; text: string }): string {
  const { format, text } = index ?? { format: INDEX_FORMAT, text: buildIndex(records, []).serialize() };
  const header: SnapshotHeader = {
    format: DIRECTORY_SNAPSHOT_FORMAT,
    cursor,
    count: records.length,
    ids: records.map((record) => record.id),
    showcased: records.filter((record) => record.showcase).map((record) => record.id),
    index: { format, bytes: Buffer.byteLength(text, 'utf8') },
  };
  return `${JSON.stringify(header)}\n${text}${records.map((record) => `${JSON.stringify(record)}\n`).join('')}`;
}
