/**
 * The backend under first-sync load (issue 11): run by `npm run bench`, or alone with
 * `node --import tsx scripts/bench/sync-load.ts` (BENCH_ALUMNI=20000 for a quick trial; BENCH_DATABASES=pglite
 * for one database). The server runs as deployed, in its own process (`npm run server`), on a PGlite data folder and
 * on a PostgreSQL cluster with the directory imported through the API:
 *   - server CPU per first sync (the server's process, and PostgreSQL's processes beside it): the snapshot against
 *     the page-by-page sync as the baseline, uncompressed as before issue 11 and gzip'd as now;
 *   - POST /introductions latency alone (baseline), then while 20 clients make their first sync and a 100,000-row
 *     import runs: once with the clients paging (the baseline) and once with the snapshot.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import type { Alumnus } from '../../utils/api';
import { generateDirectory } from '../data/synthetic-directory';
import { startPostgresCluster } from '../../tests/server/support/postgres-cluster';
import { cpuSeconds, startServerProcess, withChildren, type ServerProcess } from './support/server-process';
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
      { method: options.method ?? 'GET', headers: { authorization: `Bearer ${options.token}`, ...options.headers } },
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
          incoming.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (firstLine === undefined) (decoder ? decoder.write(chunk) : take(chunk));
          });
        } else {
          incoming.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (options.keep) chunks.push(chunk);
          });
        }
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, bytes, body: Buffer.concat(chunks), firstLine }));
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

async function importCsv(base: string, csv: string): Promise<void> {
  const reply = await send(base, 'admin/alumni/import', { method: 'POST', token: ADMIN, headers: { 'content-type': 'text/csv' }, body: csv, keep: true });
  if (reply.status !== 200) throw new Error(`import answered ${reply.status}: ${reply.body?.toString().slice(0, 300)}`);
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

/** Introductions one after another while `load` runs (and at least `minimum` of them), their latencies. */
async function introductionsDuring(base: string, alumnusId: string, load: Promise<unknown>, minimum = 50): Promise<number[]> {
  let done = false;
  const finished = load.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done || latencies.length < minimum) {
    latencies.push(await postIntroduction(base, alumnusId));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await finished;
  return latencies;
}

interface DatabaseFigures {
  name: string;
  cpu: { pagedPlain: number; pagedGzip: number; snapshot: number; build: number };
  bytes: { pagedPlain: number; pagedGzip: number; snapshot: number };
  alone: number[];
  pagedLoad: number[];
  snapshotLoad: number[];
  importSeconds: { paged: number; snapshot: number };
}

async function measure(name: string, server: ServerProcess, cpuPids: () => number[], directory: Alumnus[]): Promise<DatabaseFigures> {
  const cpu = () => cpuSeconds(cpuPids());
  const probe = directory.find((a) => a.consent.recognition)!.id;
  log(`${name}: importing ${directory.length.toLocaleString('en')} alumni through the API…`);
  const beforeImport = cpu();
  await importCsv(server.url, csvOf(directory));
  const afterImport = cpu();
  await snapshotReady(server.url, directory.filter((a) => a.consent.recognition).length);
  const build = cpu() - afterImport;
  log(`${name}: import ${(afterImport - beforeImport).toFixed(1)} s CPU, then the snapshot ${build.toFixed(1)} s CPU`);

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

  // Each load: 20 clients start their first sync and an import of every row, changed, starts with them.
  const underLoad = async (clients: () => Promise<number>, suffix: string) => {
    const started = performance.now();
    let importDone = 0;
    const importing = importCsv(server.url, csvOf(directory, suffix)).then(() => (importDone = performance.now() - started));
    const syncing = Promise.all(Array.from({ length: CLIENTS }, () => clients()));
    const latencies = await introductionsDuring(server.url, probe, Promise.all([importing, syncing]));
    return { latencies, importSeconds: importDone / 1000 };
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
    importSeconds: { paged: paged.importSeconds, snapshot: fromSnapshot.importSeconds },
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
      measure: `${f.name}: POST /introductions, ${CLIENTS} clients paging + 100k-row import (baseline): p50 / p99 / max (n)`,
      value: `${ms(f.pagedLoad, 50)} / ${ms(f.pagedLoad, 99)} / ${ms(f.pagedLoad, 100)} (${f.pagedLoad.length}); import ${f.importSeconds.paged.toFixed(0)} s`,
      target: '(report)',
      ok: true,
    },
    {
      measure: `${f.name}: POST /introductions, ${CLIENTS} clients from the snapshot + 100k-row import: p50 / p99 / max (n)`,
      value: `${ms(f.snapshotLoad, 50)} / ${ms(f.snapshotLoad, 99)} / ${ms(f.snapshotLoad, 100)} (${f.snapshotLoad.length}); import ${f.importSeconds.snapshot.toFixed(0)} s`,
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
    const server = await startServerProcess(['--data', dataDir, '--seed', 'demo']);
    try {
      rows.push(...rowsOf(await measure('PGlite', server, () => [server.pid], directory)));
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
      const server = await startServerProcess(['--database-url', cluster.url, '--seed', 'demo']);
      try {
        rows.push(...rowsOf(await measure('PostgreSQL', server, () => [server.pid, ...withChildren(cluster.pid())], directory)));
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
