/**
 * The backend under first-sync load (issue 11): run by `npm run bench`, or alone with
 * `node --import tsx scripts/bench/sync-load.ts` (BENCH_ALUMNI=20000 for a quick trial; BENCH_DATABASES=pglite
 * for one database). The server runs as deployed, in its own process (`npm run server`), on a PGlite data folder and
 * on a PostgreSQL cluster (fsync on, as shipped), with the directory written into the database before it starts:
 *   - server CPU per first sync (the server's process, and PostgreSQL's processes beside it): the snapshot against
 *     the page-by-page sync as the baseline, uncompressed as before issue 11 and gzip'd as now;
 *   - POST /introductions latency alone (baseline), then while 20 clients make their first sync and an import job of
 *     100,000 changed rows runs (for as long as the clients take, at least a minute, then it is cancelled: on a durable
 *     PGlite folder the whole import takes tens of minutes): once with the clients paging (the baseline) and once with
 *     the snapshot.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import { z } from 'zod';
import type { Alumnus } from '../../utils/api';
import { openDatabase } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { generateDirectory } from '../data/synthetic-directory';
import { startPostgresCluster } from '../../tests/server/support/postgres-cluster';
import { cpuSeconds, startServerProcess, treeCpuSeconds, type ServerProcess } from './support/server-process';
import { formatTable, type BenchRow } from './extension';

const DIRECTORY_SIZE = Number(process.env.BENCH_ALUMNI ?? 100_000);
const CLIENTS = 20;
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
const RECRUITER = 'demo-recruiter-token';
const ADMIN = 'demo-admin-token';
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

// ——— HTTP, as a client that neither parses nor decodes more than it must ———

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Bytes as they came over the wire. */
  bytes: number;
  body?: Buffer;
}

function send(
  base: string,
  path: string,
  options: { method?: string; token: string; headers?: Record<string, string>; body?: string | Buffer; keep?: boolean; firstLine?: boolean },
): Promise<Reply & { firstLine?: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${base}/api/v1/${path}`,
      // A connection per request: a kept-alive socket the server closes as it is reused fails with 'socket hang up'
      // (browsers retry those; this client would only report them).
      { method: options.method ?? 'GET', headers: { authorization: `Bearer ${options.token}`, ...options.headers }, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        let firstLine: string | undefined;
        if (options.firstLine) {
          // Only the header line is decoded (for the cursor); the rest is counted as it arrives.
          const encoding = incoming.headers['content-encoding'];
          const decoder = encoding === 'br' ? createBrotliDecompress() : encoding === 'gzip' ? createGunzip() : null;
          let text = '';
          const take = (chunk: Buffer) => {
            if (firstLine !== undefined) return;
            text += chunk.toString('utf8');
            const newline = text.indexOf('\n');
            if (newline >= 0) {
              firstLine = text.slice(0, newline);
              decoder?.destroy();
            }
          };
          decoder?.on('data', take).on('error', () => undefined);
          let fed = 0;
          incoming.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            // The header line is in the first compressed megabytes: feeding the decompressor more only makes work.
            if (firstLine === undefined && fed < 4_000_000) (decoder ? decoder.write(chunk) : take(chunk));
            fed += chunk.length;
          });
        } else {
          incoming.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (options.keep) chunks.push(chunk);
          });
        }
        const done = () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, bytes, body: Buffer.concat(chunks), firstLine });
        incoming.on('end', () => {
          // A decompressor still working on what arrived gives the header line a moment later.
          const encoding = incoming.headers['content-encoding'];
          if (!options.firstLine || firstLine !== undefined || (encoding !== 'br' && encoding !== 'gzip')) return done();
          const poll = setInterval(() => {
            if (firstLine === undefined) return;
            clearInterval(poll);
            done();
          }, 5);
          setTimeout(() => {
            clearInterval(poll);
            done();
          }, 60_000);
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** The cursor and `complete` of a delta page, found from its end (the two last fields) without parsing it. */
function pageEnd(body: Buffer): { cursor: string; complete: boolean } {
  const tail = body.subarray(Math.max(0, body.length - 400)).toString('utf8');
  const found = /"cursor":"([^"]+)","complete":(true|false)\}$/.exec(tail);
  if (!found) throw new Error(`not a delta page: …${tail.slice(-120)}`);
  return { cursor: found[1], complete: found[2] === 'true' };
}

/** A first sync page by page, as clients did before the snapshot; `encoding` as they asked. Returns wire bytes. */
async function pagedSync(base: string, encoding: 'identity' | 'gzip'): Promise<number> {
  let bytes = 0;
  let since = '';
  for (;;) {
    const reply = await send(base, `directory?limit=1000${since ? `&since=${since}` : ''}`, { token: RECRUITER, headers: { 'accept-encoding': encoding }, keep: true });
    if (reply.status !== 200) throw new Error(`GET directory answered ${reply.status}`);
    bytes += reply.bytes;
    const body = reply.headers['content-encoding'] === 'gzip' ? await gunzipped(reply.body!) : reply.body!;
    const { cursor, complete } = pageEnd(body);
    if (complete) return bytes;
    since = cursor;
  }
}

function gunzipped(bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const gunzip = createGunzip();
    gunzip.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    gunzip.end(bytes);
  });
}

/** A first sync from the snapshot, then the delta from its cursor, as the extension does. Returns wire bytes. */
async function snapshotSync(base: string): Promise<number> {
  const reply = await send(base, 'directory/snapshot', { token: RECRUITER, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' }, firstLine: true });
  if (reply.status !== 200 || !reply.firstLine) throw new Error(`GET directory/snapshot answered ${reply.status}`);
  let since = (JSON.parse(reply.firstLine) as { cursor: string }).cursor;
  let bytes = reply.bytes;
  for (;;) {
    const page = await send(base, `directory?limit=1000&since=${since}`, { token: RECRUITER, headers: { 'accept-encoding': 'gzip' }, keep: true });
    bytes += page.bytes;
    const body = page.headers['content-encoding'] === 'gzip' ? await gunzipped(page.body!) : page.body!;
    const { cursor, complete } = pageEnd(body);
    if (complete) return bytes;
    since = cursor;
  }
}

async function postIntroduction(base: string, alumnusId: string): Promise<number> {
  const started = performance.now();
  const reply = await send(base, 'introductions', {
    method: 'POST',
    token: RECRUITER,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: randomUUID(), alumnusId, kind: 'referral', note: 'Bench', context: {}, occurredAt: '2026-11-01T09:00:00Z' }),
  });
  if (reply.status !== 201) throw new Error(`POST introductions answered ${reply.status}`);
  return performance.now() - started;
}

// ——— the directory as an HR export ———

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const COLUMNS = [
  'employee_id', 'display_name', 'kana', 'latin', 'former_names', 'profile_urls', 'tenure_from', 'tenure_to', 'department', 'more_tenures',
  'current_employer', 'current_title', 'consent_recognition', 'consent_offers', 'rehire_eligible', 'owner_name',
];

function csvOf(alumni: Alumnus[], titleSuffix = ''): string {
  const rows = alumni.map((a) => {
    const [first, ...more] = a.tenure;
    return [
      a.id, a.names.display, a.names.kana ?? '', a.names.latin ?? '', (a.names.former ?? []).join(';'), (a.profileUrls ?? []).join(';'),
      first.from, first.to ?? '', first.department ?? '', more.map((t) => `${t.from}..${t.to} ${t.department ?? ''}`.trim()).join('; '),
      a.currentEmployer?.name ?? '', a.currentTitle ? `${a.currentTitle}${titleSuffix}` : '', a.consent.recognition ? 'yes' : 'no',
      a.consent.offers ? 'yes' : 'no', a.rehireEligible === undefined ? '' : a.rehireEligible ? 'yes' : 'no', 'Kenji Watanabe',
    ].map(quote).join(',');
  });
  return `${COLUMNS.join(',')}\r\n${rows.join('\r\n')}\r\n`;
}

/** Starts an import job (the console's API); its id, to cancel it. */
async function startImport(base: string, csv: string): Promise<string> {
  const reply = await send(base, 'admin/imports?skipInvalid=false', { method: 'POST', token: ADMIN, headers: { 'content-type': 'text/csv' }, body: csv, keep: true });
  if (reply.status !== 202) throw new Error(`import answered ${reply.status}: ${reply.body?.toString().slice(0, 300)}`);
  return (JSON.parse(reply.body!.toString()) as { id: string }).id;
}

async function stopImport(base: string, id: string): Promise<{ status: string; rowsWritten: number }> {
  await send(base, `admin/imports/${id}/cancel`, { method: 'POST', token: ADMIN, keep: true });
  for (;;) {
    const job = JSON.parse((await send(base, `admin/imports/${id}`, { token: ADMIN, keep: true })).body!.toString()) as {
      status: string;
      progress: { rowsWritten: number };
    };
    if (!['validating', 'writing'].includes(job.status)) return { status: job.status, rowsWritten: job.progress.rowsWritten };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Writes the directory straight into the database before the server starts (an import of it is measured apart). */
async function seed(options: { dataDir: string } | { databaseUrl: string }, alumni: Alumnus[]): Promise<void> {
  const db = await openDatabase(options);
  try {
    await migrate(db);
    for (let start = 0; start < alumni.length; start += 10_000) {
      const batch = alumni.slice(start, start + 10_000).map(({ id, updatedAt: _updatedAt, ...record }) => ({ id, record }));
      await db.query('INSERT INTO alumni (id, record) SELECT x.id, x.record FROM jsonb_to_recordset($1::jsonb) AS x(id text, record jsonb)', [
        JSON.stringify(batch),
      ]);
    }
  } finally {
    await db.close();
  }
}

/** Waits until the recruiters' snapshot holds `count` alumni and brotli is ready (what clients then get). */
async function snapshotReady(base: string, count: number): Promise<void> {
  for (let attempt = 0; attempt < 2400; attempt++) {
    const reply = await send(base, 'directory/snapshot', { token: RECRUITER, headers: { 'accept-encoding': 'br, gzip' }, firstLine: true });
    const header = reply.firstLine ? (JSON.parse(reply.firstLine) as { count: number }) : { count: -1 };
    if (header.count >= count && reply.headers['content-encoding'] === 'br') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the snapshot never held ${count} alumni`);
}

// ——— measurements ———

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

/**
 * Introductions one after another while `load` runs (and at least `minimum` of them), their latencies: timed in a
 * thread of their own (support/introduction-prober.mjs), so the clients this process plays never delay them.
 */
async function introductionsDuring(base: string, alumnusId: string, load: Promise<unknown>, minimum = 50): Promise<number[]> {
  const prober = new Worker(new URL('./support/introduction-prober.mjs', import.meta.url), { workerData: { base, alumnusId, token: RECRUITER, minimum } });
  try {
    const reply = new Promise<unknown>((resolve, reject) => {
      prober.once('message', resolve);
      prober.once('error', reject);
      prober.once('exit', (code) => reject(new Error(`the introductions thread stopped (exit ${code})`)));
    });
    await Promise.race([load, reply]);
    prober.postMessage('stop');
    const answer = z.union([z.object({ latencies: z.array(z.number()) }), z.object({ error: z.string() })]).parse(await reply);
    await load;
    if ('error' in answer) throw new Error(answer.error);
    return answer.latencies;
  } finally {
    await prober.terminate();
  }
}

interface DatabaseFigures {
  name: string;
  cpu: { pagedPlain: number; pagedGzip: number; snapshot: number; build: number };
  bytes: { pagedPlain: number; pagedGzip: number; snapshot: number };
  alone: number[];
  pagedLoad: number[];
  snapshotLoad: number[];
  importRows: { paged: number; snapshot: number };
}

/** `cpu`: the CPU seconds the backend has used so far (the server process; with PostgreSQL, its cluster too). */
async function measure(name: string, server: ServerProcess, cpu: () => number, directory: Alumnus[]): Promise<DatabaseFigures> {
  const probe = directory.find((a) => a.consent.recognition)!.id;
  // The server builds both snapshots as it starts: their CPU, once per directory version.
  const beforeBuild = cpu();
  await snapshotReady(server.url, directory.filter((a) => a.consent.recognition).length);
  const build = cpu() - beforeBuild;
  log(`${name}: the snapshots took ${build.toFixed(1)} s CPU to build`);

  const perSync = async (runs: number, sync: () => Promise<number>) => {
    let bytes = 0;
    const before = cpu();
    for (let i = 0; i < runs; i++) bytes = await sync();
    return { cpu: (cpu() - before) / runs, bytes };
  };
  const pagedPlain = await perSync(2, () => pagedSync(server.url, 'identity'));
  const pagedGzip = await perSync(2, () => pagedSync(server.url, 'gzip'));
  const snapshot = await perSync(5, () => snapshotSync(server.url));
  log(`${name}: CPU per first sync paged ${pagedPlain.cpu.toFixed(2)} s (gzip ${pagedGzip.cpu.toFixed(2)} s), snapshot ${snapshot.cpu.toFixed(3)} s`);

  for (let i = 0; i < 10; i++) await postIntroduction(server.url, probe);
  const alone: number[] = [];
  for (let i = 0; i < 200; i++) alone.push(await postIntroduction(server.url, probe));

  // Each load: 20 clients start their first sync and an import job of every row, changed, starts with them. The
  // introductions are timed for as long as the clients take, and at least a minute; then the import is stopped.
  const underLoad = async (clients: () => Promise<number>, suffix: string) => {
    const job = await startImport(server.url, csvOf(directory, suffix));
    const syncing = Promise.all(Array.from({ length: CLIENTS }, () => clients()));
    const minute = new Promise((resolve) => setTimeout(resolve, 60_000));
    const latencies = await introductionsDuring(server.url, probe, Promise.all([syncing, minute]));
    const stopped = await stopImport(server.url, job);
    return { latencies, importRows: stopped.rowsWritten };
  };
  log(`${name}: ${CLIENTS} clients paging while an import runs…`);
  const paged = await underLoad(() => pagedSync(server.url, 'identity'), ' (bench 1)');
  log(`${name}: p99 ${percentile(paged.latencies, 99).toFixed(0)} ms; ${CLIENTS} clients from the snapshot while an import runs…`);
  await snapshotReady(server.url, directory.filter((a) => a.consent.recognition).length);
  const fromSnapshot = await underLoad(() => snapshotSync(server.url), ' (bench 2)');
  log(`${name}: p99 ${percentile(fromSnapshot.latencies, 99).toFixed(0)} ms`);
  return {
    name,
    cpu: { pagedPlain: pagedPlain.cpu, pagedGzip: pagedGzip.cpu, snapshot: snapshot.cpu, build },
    bytes: { pagedPlain: pagedPlain.bytes, pagedGzip: pagedGzip.bytes, snapshot: snapshot.bytes },
    alone,
    pagedLoad: paged.latencies,
    snapshotLoad: fromSnapshot.latencies,
    importRows: { paged: paged.importRows, snapshot: fromSnapshot.importRows },
  };
}

function rowsOf(f: DatabaseFigures): BenchRow[] {
  const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(0)} ms`;
  const p99 = percentile(f.snapshotLoad, 99);
  return [
    {
      measure: `${f.name}: server CPU per first sync, snapshot / paged baseline (plain; gzip)`,
      value: `${(f.cpu.snapshot * 1000).toFixed(0)} ms / ${(f.cpu.pagedPlain * 1000).toFixed(0)} ms (${(f.cpu.pagedPlain / f.cpu.snapshot).toFixed(1)}× less); ${(f.cpu.pagedGzip * 1000).toFixed(0)} ms`,
      target: '< 300 ms',
      ok: f.cpu.snapshot < 0.3,
    },
    { measure: `${f.name}: CPU to build the snapshot once per directory version (both encodings, index thread)`, value: `${f.cpu.build.toFixed(1)} s`, target: '(report)', ok: true },
    {
      measure: `${f.name}: wire bytes per first sync, snapshot / paged plain / paged gzip`,
      value: `${(f.bytes.snapshot / 1e6).toFixed(2)} / ${(f.bytes.pagedPlain / 1e6).toFixed(2)} / ${(f.bytes.pagedGzip / 1e6).toFixed(2)} MB`,
      target: '(report)',
      ok: true,
    },
    { measure: `${f.name}: POST /introductions alone (baseline): p50 / p99`, value: `${ms(f.alone, 50)} / ${ms(f.alone, 99)}`, target: '(report)', ok: true },
    {
      measure: `${f.name}: POST /introductions, ${CLIENTS} clients paging + an import job (baseline): p50 / p99 / max (n)`,
      value: `${ms(f.pagedLoad, 50)} / ${ms(f.pagedLoad, 99)} / ${ms(f.pagedLoad, 100)} (${f.pagedLoad.length}); ${f.importRows.paged} rows imported meanwhile`,
      target: '(report)',
      ok: true,
    },
    {
      measure: `${f.name}: POST /introductions, ${CLIENTS} clients from the snapshot + an import job: p50 / p99 / max (n)`,
      value: `${ms(f.snapshotLoad, 50)} / ${ms(f.snapshotLoad, 99)} / ${ms(f.snapshotLoad, 100)} (${f.snapshotLoad.length}); ${f.importRows.snapshot} rows imported meanwhile`,
      target: 'p99 < 100 ms',
      ok: p99 < 100,
    },
  ];
}

export async function benchSyncLoad(): Promise<BenchRow[]> {
  const directory = generateDirectory(DIRECTORY_SIZE, 7);
  const rows: BenchRow[] = [];
  const loadBefore = loadavg().map((load) => load.toFixed(2)).join(' / ');
  if (DATABASES.includes('pglite')) {
    const dataDir = mkdtempSync(join(tmpdir(), 'alumni-lens-bench-'));
    log(`PGlite: writing ${directory.length.toLocaleString('en')} alumni into a data folder…`);
    await seed({ dataDir }, directory);
    const server = await startServerProcess(['--data', dataDir, '--seed', 'demo']);
    try {
      rows.push(...rowsOf(await measure('PGlite', server, () => cpuSeconds([server.pid]), directory)));
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (DATABASES.includes('postgres')) {
    // As PostgreSQL ships (fsync on), unlike the tests' cluster.
    const cluster = await startPostgresCluster(['max_connections=100']);
    if (!cluster) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
    try {
      log(`PostgreSQL: writing ${directory.length.toLocaleString('en')} alumni…`);
      await seed({ databaseUrl: cluster.url }, directory);
      const server = await startServerProcess(['--database-url', cluster.url, '--seed', 'demo']);
      try {
        rows.push(...rowsOf(await measure('PostgreSQL', server, () => cpuSeconds([server.pid]) + treeCpuSeconds(cluster.pid()), directory)));
      } finally {
        await server.stop();
      }
    } finally {
      cluster.stop();
    }
  }
  rows.push({ measure: 'load average 1 / 5 / 15 min, before → after', value: `${loadBefore} → ${loadavg().map((load) => load.toFixed(2)).join(' / ')}`, target: '(report)', ok: true });
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchSyncLoad()
    .then((rows) => console.log(`\nThe backend under first syncs (issue 11)\n${formatTable(rows)}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
