// Times POST /introductions one after another for scripts/bench/sync-load.ts, in a thread of its own: the bench's
// main thread also plays the 20 clients of a first sync (decompressing 7 MB snapshots, reading pages), and a timer
// on that event loop measured the bench's own delays too (its loop lag reached 100–240 ms while the snapshots came
// in, when the server's stayed under 25 ms). A recruiter's browser is never that busy because others sync.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { base, alumnusId, token, minimum } = workerData;
let stopping = false;
parentPort.on('message', () => (stopping = true));

function post() {
  const body = JSON.stringify({ id: randomUUID(), alumnusId, kind: 'referral', note: 'Bench', context: {}, occurredAt: '2026-11-01T09:00:00Z' });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // A connection per request, as the bench's other requests (see send() in sync-load.ts).
    const outgoing = request(
      `${base}/api/v1/introductions`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, agent: false },
      (incoming) => {
        incoming.resume();
        incoming.on('end', () =>
          incoming.statusCode === 201 ? resolve(performance.now() - started) : reject(new Error(`POST introductions answered ${incoming.statusCode}`)),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const latencies = [];
try {
  while (!stopping || latencies.length < minimum) {
    latencies.push(await post());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  parentPort.postMessage({ latencies });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
