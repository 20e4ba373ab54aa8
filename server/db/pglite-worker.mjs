// The worker thread that owns the embedded database (server/db/pglite-host.ts, started by pglite-thread.ts). Plain
// JavaScript that loads the TypeScript host through tsx, so it starts the same under `npm run server`, the CLI, the
// tests and the bench.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { hostPglite } = await tsImport('./pglite-host.ts', import.meta.url);
const { pgliteHostOptions } = await tsImport('./pglite-messages.ts', import.meta.url);

const { port, ...options } = workerData;
await hostPglite(port, pgliteHostOptions.parse(options)).then(
  () => port.postMessage({ id: -1, ok: true }),
  (error) => port.postMessage({ id: -1, ok: false, error: { message: error instanceof Error ? error.message : String(error) } }),
);
