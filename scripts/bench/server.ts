/**
 * Server benchmark (issue 12): run by `npm run bench`, or alone with `node --import tsx scripts/bench/server.ts`.
 * - The cost of durable commits on the embedded database: POST /introductions on a PGlite data folder with
 *   fsync on (what the server runs) against the same server with fsync off (PGlite's own default, the baseline).
 * - A megabyte of "[" (nesting attack) is refused in under 10 ms, against a small valid POST as the baseline.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type RunningServer } from '../../server/index';
import { demoIds } from '../../server/seed/demo-data';
import { formatTable, type BenchRow } from './extension';

const POSTS = Number(process.env.BENCH_POSTS ?? 200);
const CONCURRENT = 8;
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

const introduction = () =>
  JSON.stringify({ id: randomUUID(), alumnusId: demoIds.taroYamada, kind: 'referral', note: 'Bench', context: {}, occurredAt: '2026-11-01T09:00:00Z' });

async function post(server: RunningServer, body: string): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  const response = await fetch(`${server.url}/api/v1/introductions`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo-recruiter-token', 'content-type': 'application/json' },
    body,
  });
  await response.arrayBuffer();
  return { ms: performance.now() - start, status: response.status };
}

/** Sequential latencies, then throughput with CONCURRENT clients. */
async function measurePosts(server: RunningServer): Promise<{ p50: number; p95: number; perSecond: number }> {
  for (let i = 0; i < 10; i++) await post(server, introduction()); // warm-up
  const latencies: number[] = [];
  for (let i = 0; i < POSTS; i++) {
    const { ms, status } = await post(server, introduction());
    if (status !== 201) throw new Error(`POST /introductions answered ${status}`);
    latencies.push(ms);
  }
  const start = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      while (sent < POSTS) {
        sent++;
        await post(server, introduction());
      }
    }),
  );
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), perSecond: (POSTS / (performance.now() - start)) * 1000 };
}

export async function benchServer(): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'alumni-lens-bench-'));
  const rows: BenchRow[] = [];
  try {
    const results: Record<'fsync' | 'none', Awaited<ReturnType<typeof measurePosts>>> = {} as never;
    let deep = { p50: NaN, small: NaN };
    for (const durability of ['fsync', 'none'] as const) {
      log(`POST /introductions on a PGlite data folder, fsync ${durability === 'fsync' ? 'on' : 'off'} (creating the folder runs initdb)…`);
      const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(root, durability), durability, seed: 'demo' });
      try {
        results[durability] = await measurePosts(server);
        if (durability === 'fsync') {
          const attack = '['.repeat(1024 * 1024 - 16);
          const attacks: number[] = [];
          const small: number[] = [];
          for (let i = 0; i < 21; i++) {
            const refused = await post(server, attack);
            if (refused.status !== 400) throw new Error(`1 MB of "[" answered ${refused.status}`);
            attacks.push(refused.ms);
            small.push((await post(server, '{"id": 1}')).ms);
          }
          deep = { p50: percentile(attacks, 50), small: percentile(small, 50) };
        }
      } finally {
        await server.close();
      }
    }
    const on = results.fsync;
    const off = results.none;
    rows.push(
      { measure: 'POST /introductions p50, fsync on (durable)', value: `${on.p50.toFixed(2)} ms`, target: '(report)', ok: true },
      { measure: 'POST /introductions p50, fsync off (baseline)', value: `${off.p50.toFixed(2)} ms`, target: '(report)', ok: true },
      { measure: 'p50 ratio durable / baseline', value: `${(on.p50 / off.p50).toFixed(2)}×`, target: '(report)', ok: true },
      { measure: 'POST /introductions p95, fsync on / off', value: `${on.p95.toFixed(2)} / ${off.p95.toFixed(2)} ms`, target: '(report)', ok: true },
      {
        measure: `introductions per second, ${CONCURRENT} clients, on / off`,
        value: `${on.perSecond.toFixed(0)} / ${off.perSecond.toFixed(0)} (${(on.perSecond / off.perSecond).toFixed(2)}×)`,
        target: '(report)',
        ok: true,
      },
      { measure: '1 MB of "[" answered 400, p50 (incl. upload)', value: `${deep.p50.toFixed(2)} ms`, target: '< 10 ms', ok: deep.p50 < 10 },
      { measure: 'small invalid POST answered 400, p50 (baseline)', value: `${deep.small.toFixed(2)} ms`, target: '(report)', ok: true },
      { measure: 'load average (1 min) at the end', value: loadavg()[0]!.toFixed(2), target: '(report)', ok: true },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchServer()
    .then((rows) => console.log(`\nServer (issue 12)\n${formatTable(rows)}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
