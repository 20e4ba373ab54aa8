// The worker thread that owns the embedded database (server/db/pglite-host.ts, started by pglite-thread.ts). Plain
// JavaScript that imports the host as server/worker-code.ts prepared it (a bundle, or the TypeScript through tsx).
import { workerData } from 'node:worker_threads';
import { loadWorkerCode } from '../load-worker-code.mjs';

const { port, code, ...options } = workerData;
const { hostPglite } = await loadWorkerCode(code);
await hostPglite(port, options).then(
  () => port.postMessage({ id: -1, ok: true }),
  (error) => port.postMessage({ id: -1, ok: false, error: { message: error instanceof Error ? error.message : String(error) } }),
);
