// The worker thread that owns the embedded database (server/db/pglite-host.ts, started by pglite-thread.ts). Plain
// JavaScript that loads the TypeScript host through tsx, so it starts the same under `npm run server`, the CLI, the
// tests and the bench.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

// One tsImport: each loads the TypeScript it reaches anew (a second one, for the options' schema, cost ~0.5 s).
const { hostPglite } = await tsImport('./pglite-host.ts', import.meta.url);

const { port, ...options } = workerData;
await hostPglite(port, options).then(
  () => port.postMessage({ id: -1, ok: true }),
  (error) => port.postMessage({ id: -1, ok: false, error: { message: error instanceof Error ? error.message : String(error) } }),
);
